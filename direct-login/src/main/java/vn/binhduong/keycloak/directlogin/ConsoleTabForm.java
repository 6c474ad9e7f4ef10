package vn.binhduong.keycloak.directlogin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What the admin console's tab shows and sends: on or off, the reason, and the time the switch turns itself off,
 * written as Vietnamese administrators write it ({@code 24/11/2026 08:00}, Vietnam time, which has no daylight
 * saving). The labels are message keys, translated by the console from this module's messages.
 */
record ConsoleTabForm(boolean enabled, String reason, String expiresAt) {

    static final String ENABLED = "enabled";
    static final String REASON = "reason";
    static final String EXPIRES_AT = "expiresAt";

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> ACCEPTED = List.of(SHOWN,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT));

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ENABLED).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("bdDirectLoginTabEnabled").helpText("bdDirectLoginTabEnabledHelp").defaultValue("false").add()
            .property().name(REASON).type(ProviderConfigProperty.TEXT_TYPE)
            .label("bdDirectLoginTabReason").helpText("bdDirectLoginTabReasonHelp").add()
            .property().name(EXPIRES_AT).type(ProviderConfigProperty.STRING_TYPE)
            .label("bdDirectLoginTabExpiresAt").helpText("bdDirectLoginTabExpiresAtHelp").add()
            .build();

    /** The form as the console saved it (each value a one-element list; absent or blank fields are empty). */
    static ConsoleTabForm of(MultivaluedHashMap<String, String> config) {
        return new ConsoleTabForm(Boolean.parseBoolean(config.getFirst(ENABLED)), blankToNull(config.getFirst(REASON)),
                blankToNull(config.getFirst(EXPIRES_AT)));
    }

    /** How the tab shows a state of the switch. */
    static ConsoleTabForm of(DirectLoginState state) {
        return new ConsoleTabForm(state.enabled(), state.reason(),
                state.expiresAt() == null ? null : SHOWN.format(Instant.ofEpochSecond(state.expiresAt()).atZone(VIETNAM)));
    }

    void writeTo(MultivaluedHashMap<String, String> config) {
        config.putSingle(ENABLED, Boolean.toString(enabled));
        putOrRemove(config, REASON, reason);
        putOrRemove(config, EXPIRES_AT, expiresAt);
    }

    /** True if the form says what {@code state} is, so saving it changes nothing. */
    boolean shows(DirectLoginState state) {
        return enabled == state.enabled() && Objects.equals(reason, state.reason()) && sameMinute(state.expiresAt());
    }

    /**
     * The change this form asks for. Turning off drops the expiry, and the reason too if it is still the one the
     * switch was turned on with (the administrator only flipped the switch). An expiry left as shown keeps the
     * switch's exact second. Text that is no time gets an {@link AdminRefusal}.
     */
    DirectLoginChange toChange(DirectLoginState current) {
        if (!enabled) {
            return new DirectLoginChange(false, Objects.equals(reason, current.reason()) ? null : reason, null, null);
        }
        Long expiry = expiresAt == null ? null
                : current.expiresAt() != null && sameMinute(current.expiresAt()) ? current.expiresAt() : epochSeconds(expiresAt);
        return new DirectLoginChange(true, reason, expiry, null);
    }

    private boolean sameMinute(Long epochSeconds) {
        if (epochSeconds == null || expiresAt == null) {
            return epochSeconds == null && expiresAt == null;
        }
        try {
            return epochSeconds(expiresAt) == epochSeconds - Math.floorMod(epochSeconds, 60L);
        } catch (AdminRefusal e) {
            return false;
        }
    }

    private static long epochSeconds(String text) {
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return LocalDateTime.parse(text.trim(), format).atZone(VIETNAM).toEpochSecond();
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted format
            }
        }
        throw new AdminRefusal("bdDirectLoginTabExpiresAtFormat");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void putOrRemove(MultivaluedHashMap<String, String> config, String key, String value) {
        if (value == null) {
            config.remove(key);
        } else {
            config.putSingle(key, value);
        }
    }
}
