package vn.binhduong.keycloak.otp.phone.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import vn.binhduong.keycloak.captcha.Captcha;
import vn.binhduong.keycloak.otp.challenge.SendBudget;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.SendResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.VerifyResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeView;
import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialModel;
import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialProvider;
import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialProviderFactory;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;
import vn.binhduong.keycloak.otp.phone.PhoneBindings;
import vn.binhduong.keycloak.otp.phone.PhoneClaims;
import vn.binhduong.keycloak.otp.phone.PhoneInput;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * Registers (or replaces) an OTP phone: page one takes the number (the one DVCQG supplied, or another with a
 * country selector) behind the captcha, page two takes the code sent to it through {@link SmsCodeChallenge}, whose
 * caps, cooldown and attempt limits apply. Nothing is stored before the code is right. The number being proven waits in an
 * auth-session note; the action itself keeps no state.
 */
public class RegisterOtpPhoneAction implements RequiredActionProvider, CredentialRegistrator {

    private static final Logger LOG = Logger.getLogger(RegisterOtpPhoneAction.class);

    static final String FIELD_SOURCE = "source";
    static final String FIELD_COUNTRY = "country";
    static final String FIELD_NUMBER = "phone";
    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";
    static final String FIELD_CHANGE_NUMBER = "changeNumber";
    static final String FIELD_MAKE_RECEIVER = "makeReceiver";
    static final String FIELD_DELETE = "deletePhone";
    static final String SOURCE_DVCQG = "dvcqg";
    static final String SOURCE_OTHER = "other";

    /** The user attribute the DVCQG broker fills with the phone DVCQG knows. */
    static final String DVCQG_PHONE_ATTRIBUTE = "phoneNumber";

    static final String NOTE_CANDIDATE = "bd.otpPhoneReg.candidate";

    static final String PHONE_TEMPLATE = "bd-otp-phone-register.ftl";
    static final String CODE_TEMPLATE = "bd-otp-phone-code.ftl";
    static final String RECEIVER_TEMPLATE = "bd-otp-phone-receiver.ftl";
    static final String DELETE_TEMPLATE = "bd-otp-phone-delete.ftl";

    static final String DETAIL_PHONE = "phone";
    static final String DETAIL_REASON = "bd_otp_phone";
    static final String ERROR_REFUSED = "bd_otp_phone_refused";
    static final String ERROR_NOT_SENT = "bd_otp_phone_not_sent";
    static final String ERROR_WRONG_CODE = "bd_otp_phone_wrong_code";

    private final OtpPhoneLookup lookup = new OtpPhoneLookup();

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return OtpPhoneCredentialModel.TYPE;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        ActionTarget target = target(context);
        if (!targetExists(context, target)) {
            return;
        }
        if (target.mode() == ActionTarget.Mode.RECEIVER) {
            context.challenge(receiverPage(context, target));
            return;
        }
        if (target.mode() == ActionTarget.Mode.DELETE) {
            context.challenge(targetPage(context, target, DELETE_TEMPLATE));
            return;
        }
        String candidate = context.getAuthenticationSession().getAuthNote(NOTE_CANDIDATE);
        SmsCodeChallenge challenge = challenge(context);
        if (candidate != null && challenge.started()) {
            // A refresh or back/forward: the same page, no new SMS.
            context.challenge(codePage(context, challenge, candidate, null, null));
            return;
        }
        context.challenge(phonePage(context, target, null, Map.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        ActionTarget target = target(context);
        if (!targetExists(context, target)) {
            return;
        }
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (target.mode() == ActionTarget.Mode.RECEIVER) {
            makeReceiver(context, target, params);
            return;
        }
        if (target.mode() == ActionTarget.Mode.DELETE) {
            delete(context, target, params);
            return;
        }
        String candidate = context.getAuthenticationSession().getAuthNote(NOTE_CANDIDATE);
        SmsCodeChallenge challenge = challenge(context);
        if (params.containsKey(FIELD_CHANGE_NUMBER)) {
            forgetCandidate(context, challenge);
            context.challenge(phonePage(context, target, null, Map.of()));
        } else if (candidate != null && params.containsKey(FIELD_RESEND)) {
            SendResult result = challenge.resend(candidate, budget(context, candidate), locale(context));
            context.challenge(afterResend(context, challenge, candidate, result));
        } else if (candidate != null && params.containsKey(FIELD_CODE)) {
            verify(context, target, challenge, candidate, params.getFirst(FIELD_CODE));
        } else {
            numberEntered(context, target, challenge, params);
        }
    }

    private void numberEntered(RequiredActionContext context, ActionTarget target, SmsCodeChallenge challenge,
                               MultivaluedMap<String, String> params) {
        RegisterOtpPhoneSettings settings = settings(context);
        Map<String, String> typed = typedValues(params);
        if (!new Captcha(context.getSession(), context.getRealm()).passed(params, clientIp(context))) {
            refusal(context, "captcha_failed", null);
            context.challenge(phonePage(context, target, Captcha.FAILED_MESSAGE, typed));
            return;
        }
        PhoneInput input = SOURCE_DVCQG.equals(params.getFirst(FIELD_SOURCE))
                ? dvcqgPhone(context.getUser(), settings).orElse(PhoneInput.refused(PhoneInput.Refusal.EMPTY))
                : PhoneInput.parse(params.getFirst(FIELD_COUNTRY), params.getFirst(FIELD_NUMBER), settings.allowForeign());
        if (input.refusal() != null) {
            refusal(context, input.refusal().name().toLowerCase(Locale.ROOT), null);
            context.challenge(phonePage(context, target, input.refusal().messageKey(), typed));
            return;
        }
        String phone = input.phoneE164();
        if (lookup.has(context.getUser(), phone)) {
            refusal(context, "already_registered", phone);
            context.challenge(phonePage(context, target, "bdOtpPhoneAlreadyYours", typed));
            return;
        }
        // A new number starts a new challenge; the hourly caps per number and per IP still hold across numbers.
        forgetCandidate(context, challenge);
        SendResult result = challenge.sendFirst(phone, budget(context, phone), locale(context));
        if (result != SendResult.SENT) {
            notSent(context, challenge, phone, result);
            context.challenge(phonePage(context, target, result.errorMessage(), typed));
            return;
        }
        context.getAuthenticationSession().setAuthNote(NOTE_CANDIDATE, phone);
        context.challenge(codePage(context, challenge, phone, null, SmsCodeChallenge.SENT_MESSAGE));
    }

    private void verify(RequiredActionContext context, ActionTarget target, SmsCodeChallenge challenge, String candidate,
                        String code) {
        VerifyResult result = challenge.verify(code).result();
        if (result == VerifyResult.VALID) {
            store(context, target, challenge, candidate);
        } else {
            wrongCode(context, challenge, candidate, result.name().toLowerCase(Locale.ROOT), result.errorMessage());
        }
    }

    /** The number is proven: bind it, unless another account holds it (said only now, to the number's owner). */
    private void store(RequiredActionContext context, ActionTarget target, SmsCodeChallenge challenge, String phone) {
        forgetCandidate(context, challenge);
        UserModel user = context.getUser();
        if (settings(context).uniqueNumbers()
                && new PhoneBindings(context.getSession(), context.getRealm()).boundToAnotherAccount(user, phone)) {
            refusal(context, "bound_to_another_account", phone);
            context.challenge(phonePage(context, target, "bdOtpPhoneTaken", Map.of()));
            return;
        }
        OtpPhoneCredentialProvider provider = provider(context);
        try {
            if (target.mode() == ActionTarget.Mode.UPDATE) {
                provider.replacePhone(context.getRealm(), user, target.credentialId(), phone);
            } else {
                provider.createCredential(context.getRealm(), user, OtpPhoneCredentialModel.create(phone, false));
            }
        } catch (ModelDuplicateException e) {
            refusal(context, "already_registered", phone);
            context.challenge(phonePage(context, target, "bdOtpPhoneAlreadyYours", Map.of()));
            return;
        }
        PhoneClaims.proven(user, phone);
        credentialEvent(context, phone).detail(DETAIL_REASON, target.mode().name().toLowerCase(Locale.ROOT));
        context.success();
    }

    private void makeReceiver(RequiredActionContext context, ActionTarget target, MultivaluedMap<String, String> params) {
        if (!params.containsKey(FIELD_MAKE_RECEIVER)) {
            context.challenge(receiverPage(context, target));
            return;
        }
        String phone = lookup.byId(context.getUser(), target.credentialId()).map(OtpPhoneCredentialModel::phone).orElseThrow();
        provider(context).makeReceiver(context.getUser(), target.credentialId());
        credentialEvent(context, phone).detail(DETAIL_REASON, "receiver");
        context.success();
    }

    /**
     * Removal of an OTP phone: only here, never through Keycloak's generic credential delete (the type is not
     * removable there), so it always runs as an application-initiated action, which re-authenticates a login
     * older than the action's max age (Keycloak's 5 minutes by default), and a bearer token alone removes nothing.
     */
    private void delete(RequiredActionContext context, ActionTarget target, MultivaluedMap<String, String> params) {
        if (!params.containsKey(FIELD_DELETE)) {
            context.challenge(targetPage(context, target, DELETE_TEMPLATE));
            return;
        }
        String phone = lookup.byId(context.getUser(), target.credentialId()).map(OtpPhoneCredentialModel::phone).orElseThrow();
        provider(context).deleteCredential(context.getRealm(), context.getUser(), target.credentialId());
        credentialEvent(context, phone).event(EventType.REMOVE_CREDENTIAL).detail(DETAIL_REASON, "delete");
        context.success();
    }

    private EventBuilder credentialEvent(RequiredActionContext context, String phone) {
        String masked = PhoneNumbers.mask(phone);
        return context.getEvent().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OtpPhoneCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_USER_LABEL, masked)
                .detail(DETAIL_PHONE, masked);
    }

    private void refusal(RequiredActionContext context, String reason, String phone) {
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OtpPhoneCredentialModel.TYPE).detail(DETAIL_REASON, reason);
        if (phone != null) {
            event.detail(DETAIL_PHONE, PhoneNumbers.mask(phone));
        }
        event.error(ERROR_REFUSED);
    }

    private void wrongCode(RequiredActionContext context, SmsCodeChallenge challenge, String candidate, String reason,
                           String messageKey) {
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OtpPhoneCredentialModel.TYPE).detail(DETAIL_REASON, reason)
                .detail(DETAIL_PHONE, PhoneNumbers.mask(candidate)).error(ERROR_WRONG_CODE);
        context.challenge(codePage(context, challenge, candidate, messageKey, null));
    }

    private void notSent(RequiredActionContext context, SmsCodeChallenge challenge, String phone, SendResult result) {
        String masked = PhoneNumbers.mask(phone);
        if (result == SendResult.GATEWAY_FAILED) {
            LOG.warnf("OTP phone registration: SMS for user %s to %s not sent: %s", context.getUser().getId(), masked,
                    challenge.lastFailureReason());
        }
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OtpPhoneCredentialModel.TYPE)
                .detail(DETAIL_REASON, result.name().toLowerCase(Locale.ROOT)).detail(DETAIL_PHONE, masked)
                .error(ERROR_NOT_SENT);
    }

    private Response afterResend(RequiredActionContext context, SmsCodeChallenge challenge, String phone, SendResult result) {
        if (result == SendResult.SENT) {
            return codePage(context, challenge, phone, null, SmsCodeChallenge.SENT_MESSAGE);
        }
        if (result != SendResult.COOLDOWN && result != SendResult.NO_RESENDS_LEFT) {
            notSent(context, challenge, phone, result);
        }
        return codePage(context, challenge, phone, result.errorMessage(), null);
    }

    /** The DVCQG-supplied phone, when it is one this realm accepts and the user has not registered it yet. */
    private Optional<PhoneInput> dvcqgPhone(UserModel user, RegisterOtpPhoneSettings settings) {
        String supplied = user.getFirstAttribute(DVCQG_PHONE_ATTRIBUTE);
        if (supplied == null || supplied.isBlank()) {
            return Optional.empty();
        }
        PhoneInput input = PhoneInput.parse(PhoneNumbers.DEFAULT_REGION, supplied, settings.allowForeign());
        return Optional.of(input);
    }

    private Optional<String> offeredDvcqgPhone(UserModel user, RegisterOtpPhoneSettings settings) {
        return dvcqgPhone(user, settings).flatMap(PhoneInput::phone).filter(phone -> !lookup.has(user, phone));
    }

    private Response phonePage(RequiredActionContext context, ActionTarget target, String error, Map<String, String> typed) {
        UserModel user = context.getUser();
        Optional<String> dvcqg = offeredDvcqgPhone(user, settings(context));
        String source = typed.getOrDefault(FIELD_SOURCE, dvcqg.isPresent() ? SOURCE_DVCQG : SOURCE_OTHER);
        LoginFormsProvider form = context.form()
                .setAttribute("bdOtpPhoneMode", target.mode() == ActionTarget.Mode.UPDATE ? "update" : "add")
                .setAttribute("bdOtpPhoneCountries", countries(locale(context)))
                .setAttribute("bdOtpPhoneCountry", typed.getOrDefault(FIELD_COUNTRY, PhoneNumbers.DEFAULT_REGION))
                .setAttribute("bdOtpPhoneNumber", typed.getOrDefault(FIELD_NUMBER, ""))
                .setAttribute("bdOtpPhoneSource", dvcqg.isPresent() ? source : SOURCE_OTHER);
        dvcqg.ifPresent(phone -> form.setAttribute("bdOtpPhoneDvcqg", PhoneNumbers.mask(phone)));
        if (target.mode() == ActionTarget.Mode.UPDATE) {
            lookup.byId(user, target.credentialId())
                    .ifPresent(old -> form.setAttribute("bdOtpPhoneOld", PhoneNumbers.mask(old.phone())));
        }
        if (error != null) {
            form.setError(error);
        }
        return new Captcha(context.getSession(), context.getRealm()).addTo(form).createForm(PHONE_TEMPLATE);
    }

    private Response codePage(RequiredActionContext context, SmsCodeChallenge challenge, String phone, String error,
                              String info) {
        LoginFormsProvider form = context.form()
                .setAttribute("bdOtpPhoneMode", target(context).mode() == ActionTarget.Mode.UPDATE ? "update" : "add")
                .setAttribute(SmsCodeView.ATTRIBUTE, challenge.view(phone));
        if (error != null) {
            form.setError(error);
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(CODE_TEMPLATE);
    }

    private Response receiverPage(RequiredActionContext context, ActionTarget target) {
        return targetPage(context, target, RECEIVER_TEMPLATE);
    }

    /** A page about one of the user's phones, shown masked. */
    private Response targetPage(RequiredActionContext context, ActionTarget target, String template) {
        String phone = lookup.byId(context.getUser(), target.credentialId()).map(OtpPhoneCredentialModel::phone).orElseThrow();
        return context.form().setAttribute("bdOtpPhoneTarget", PhoneNumbers.mask(phone)).createForm(template);
    }

    /** Every country libphonenumber knows, Vietnam first, then by name in the page's language. */
    static List<Map<String, String>> countries(Locale locale) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<Map<String, String>> countries = new ArrayList<>();
        util.getSupportedRegions().stream()
                .sorted(Comparator.comparing((String region) -> !region.equals(PhoneNumbers.DEFAULT_REGION))
                        .thenComparing(region -> new Locale("", region).getDisplayCountry(locale)))
                .forEach(region -> {
                    Map<String, String> country = new LinkedHashMap<>();
                    country.put("region", region);
                    country.put("code", "+" + util.getCountryCodeForRegion(region));
                    country.put("name", new Locale("", region).getDisplayCountry(locale));
                    countries.add(country);
                });
        return countries;
    }

    private static Map<String, String> typedValues(MultivaluedMap<String, String> params) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : new String[] {FIELD_SOURCE, FIELD_COUNTRY, FIELD_NUMBER}) {
            String value = params.getFirst(field);
            if (value != null) {
                typed.put(field, value);
            }
        }
        return typed;
    }

    /** False (and an error page shown) when the application named a phone this user does not have. */
    private boolean targetExists(RequiredActionContext context, ActionTarget target) {
        boolean exists = switch (target.mode()) {
            case ADD -> true;
            case UPDATE, RECEIVER, DELETE -> lookup.byId(context.getUser(), target.credentialId()).isPresent();
            case UNKNOWN -> false;
        };
        if (!exists) {
            refusal(context, "unknown_phone", null);
            context.challenge(context.form().setError("bdOtpPhoneNotFound").createErrorPage(Response.Status.BAD_REQUEST));
        }
        return exists;
    }

    private static ActionTarget target(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!RegisterOtpPhoneActionFactory.PROVIDER_ID.equals(authSession.getClientNote(Constants.KC_ACTION))) {
            return ActionTarget.ADD;
        }
        return ActionTarget.parse(authSession.getClientNote(Constants.KC_ACTION_PARAMETER));
    }

    private static void forgetCandidate(RequiredActionContext context, SmsCodeChallenge challenge) {
        challenge.clear();
        context.getAuthenticationSession().removeAuthNote(NOTE_CANDIDATE);
    }

    private static OtpPhoneCredentialProvider provider(RequiredActionContext context) {
        return (OtpPhoneCredentialProvider) context.getSession().getProvider(CredentialProvider.class,
                OtpPhoneCredentialProviderFactory.PROVIDER_ID);
    }

    private static SmsCodeChallenge challenge(RequiredActionContext context) {
        return new SmsCodeChallenge(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                settings(context).policy());
    }

    private static RegisterOtpPhoneSettings settings(RequiredActionContext context) {
        return new RegisterOtpPhoneSettings(context.getConfig());
    }

    /** A number not yet proven: the anonymous budget (per number and per client IP), never the login's. */
    private static SendBudget budget(RequiredActionContext context, String phone) {
        return SendBudget.anonymous("phone", phone, clientIp(context));
    }

    private static String clientIp(RequiredActionContext context) {
        return context.getConnection().getRemoteAddr();
    }

    private static Locale locale(RequiredActionContext context) {
        return context.getSession().getContext().resolveLocale(context.getUser());
    }

    @Override
    public void close() {
    }
}
