package vn.binhduong.keycloak.dvcqg;

import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.events.Errors;

/**
 * A DVCQG login we refuse: the message key names the Vietnamese text the user sees, {@link #eventError()} the
 * error code of the event. The exception's own message is the reason written to the log and the event detail,
 * so it never carries a code, a token or a secret.
 */
final class DvcqgRefusal extends IdentityBrokerException {

    static final String MISSING_TECH_ID = "bdDvcqgMissingTechIdMessage";
    static final String ACCOUNT_TYPE = "bdDvcqgAccountTypeRefusedMessage";
    static final String INVALID_IDENTIFIER = "bdDvcqgInvalidIdentifierMessage";
    static final String UNAVAILABLE = "bdDvcqgUnavailableMessage";
    static final String CODE_REJECTED = "bdDvcqgCodeRejectedMessage";
    static final String INVALID_ID_TOKEN = "bdDvcqgInvalidIdTokenMessage";
    static final String NOT_PROVISIONED = "bdDvcqgAccountNotProvisionedMessage";
    static final String LEVEL_TOO_LOW = "bdDvcqgLevelTooLowMessage";

    DvcqgRefusal(String messageKey, String reason) {
        super(reason);
        withMessageCode(messageKey);
    }

    DvcqgRefusal(String messageKey, String reason, Throwable cause) {
        super(reason, cause);
        withMessageCode(messageKey);
    }

    /** The event's error code: Keycloak's where one fits, ours beside it. */
    String eventError() {
        return switch (getMessageCode()) {
            case INVALID_ID_TOKEN -> Errors.INVALID_TOKEN;
            case CODE_REJECTED -> Errors.INVALID_CODE;
            case UNAVAILABLE -> "bd_dvcqg_unavailable";
            case MISSING_TECH_ID -> "bd_dvcqg_missing_tech_id";
            case ACCOUNT_TYPE -> "bd_dvcqg_account_type_refused";
            case INVALID_IDENTIFIER -> "bd_dvcqg_invalid_identifier";
            case LEVEL_TOO_LOW -> "bd_dvcqg_level_too_low";
            default -> Errors.IDENTITY_PROVIDER_LOGIN_FAILURE;
        };
    }
}
