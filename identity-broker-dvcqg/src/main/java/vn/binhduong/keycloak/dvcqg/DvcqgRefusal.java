package vn.binhduong.keycloak.dvcqg;

import org.keycloak.broker.provider.IdentityBrokerException;

/** A DVCQG answer we refuse; the message key names the Vietnamese page the user sees. */
final class DvcqgRefusal extends IdentityBrokerException {

    static final String MISSING_TECH_ID = "bdDvcqgMissingTechIdMessage";
    static final String ACCOUNT_TYPE = "bdDvcqgAccountTypeRefusedMessage";
    static final String INVALID_IDENTIFIER = "bdDvcqgInvalidIdentifierMessage";
    static final String UNAVAILABLE = "bdDvcqgUnavailableMessage";
    static final String INVALID_ID_TOKEN = "bdDvcqgInvalidIdTokenMessage";
    static final String NOT_PROVISIONED = "bdDvcqgAccountNotProvisionedMessage";

    DvcqgRefusal(String messageKey, String reason) {
        super(reason);
        withMessageCode(messageKey);
    }

    DvcqgRefusal(String messageKey, String reason, Throwable cause) {
        super(reason, cause);
        withMessageCode(messageKey);
    }
}
