package vn.binhduong.keycloak.otp.sender.outbox;

/** One line of the outbox file: when, to whom (E.164) and the text. */
public record OutboxMessage(String time, String to, String text) {
}
