package vn.binhduong.keycloak.directlogin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The administrators' switch for one realm, kept in one store that every node reads through its realm cache (a
 * change invalidates the realm once, cluster-wide): where the admin console's tab is deployed (feature
 * {@code declarative-ui}), in the tab's own component, beside the form it shows; otherwise in realm attributes.
 * The keys are the same in both. The expiry is evaluated on every read, so an expired switch is off without any
 * timer running.
 */
public final class DirectLoginSwitch {

    static final String ENABLED = "bd.directLogin.enabled";
    static final String EXPIRES_AT = "bd.directLogin.expiresAt";
    static final String REASON = "bd.directLogin.reason";
    static final String CHANGED_BY = "bd.directLogin.changedBy";
    static final String CHANGED_AT = "bd.directLogin.changedAt";
    private static final List<String> KEYS = List.of(ENABLED, EXPIRES_AT, REASON, CHANGED_BY, CHANGED_AT);

    private final KeycloakSession session;
    private final RealmModel realm;

    public DirectLoginSwitch(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** What was last set, as read now. */
    public DirectLoginState read() {
        return read(tabRecord().<Function<String, String>>map(config -> config::getFirst).orElse(realm::getAttribute));
    }

    public boolean isOpen(long now) {
        return read().isOpen(now);
    }

    public void write(DirectLoginState state) {
        if (DirectLoginConsoleTab.deployed(session)) {
            DirectLoginConsoleTab.store(session, realm, state);
            dropRealmAttributes();
        } else {
            record(state).forEach((name, value) -> {
                if (value == null) {
                    realm.removeAttribute(name);
                } else {
                    realm.setAttribute(name, value);
                }
            });
        }
    }

    /**
     * True where the tab is deployed but the switch is still in realm attributes (as the shipped realm file and
     * version 1.0 keep it): the next {@link #write} moves it.
     */
    boolean inRealmAttributesBesideTheTab() {
        return DirectLoginConsoleTab.deployed(session) && tabRecord().isEmpty()
                && KEYS.stream().anyMatch(name -> realm.getAttribute(name) != null);
    }

    /** Removes the realm attributes of the switch, if any, once the tab holds it. */
    void dropRealmAttributes() {
        KEYS.stream().filter(name -> realm.getAttribute(name) != null).forEach(realm::removeAttribute);
    }

    /** Writes {@code state} into a component's config, the keys of a cleared field removed. */
    static void writeTo(MultivaluedHashMap<String, String> config, DirectLoginState state) {
        record(state).forEach((name, value) -> {
            if (value == null) {
                config.remove(name);
            } else {
                config.putSingle(name, value);
            }
        });
    }

    /** The tab's config where it holds the switch. */
    private Optional<MultivaluedHashMap<String, String>> tabRecord() {
        if (!DirectLoginConsoleTab.deployed(session)) {
            return Optional.empty();
        }
        return DirectLoginConsoleTab.find(realm).map(ComponentModel::getConfig).filter(config -> config.containsKey(ENABLED));
    }

    private static Map<String, String> record(DirectLoginState state) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put(ENABLED, Boolean.toString(state.enabled()));
        record.put(EXPIRES_AT, state.expiresAt() == null ? null : state.expiresAt().toString());
        record.put(REASON, state.reason());
        record.put(CHANGED_BY, state.changedBy());
        record.put(CHANGED_AT, state.changedAt() == null ? null : state.changedAt().toString());
        return record;
    }

    private static DirectLoginState read(Function<String, String> store) {
        return new DirectLoginState(
                Boolean.parseBoolean(store.apply(ENABLED)),
                epochSeconds(store.apply(EXPIRES_AT), 0L),
                store.apply(REASON),
                store.apply(CHANGED_BY),
                epochSeconds(store.apply(CHANGED_AT), null));
    }

    /** A missing number reads as absent; a garbled one as {@code garbled} (for the expiry: already past, so off). */
    private static Long epochSeconds(String value, Long garbled) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return garbled;
        }
    }
}
