package io.walbridge.app.wizard;

import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.Secret;
import io.walbridge.core.setup.tls.SslMode;
import io.walbridge.core.source.InvalidEndpoint;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of one PostgreSQL endpoint as typed, with a rule per field; source and destination both use it. */
public final class EndpointForm {

    public static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("5432");
    public final StringProperty database = new SimpleStringProperty("");
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty sslMode = new SimpleStringProperty("require");
    public final ObjectProperty<Path> caFile = new SimpleObjectProperty<>();

    private final BooleanBinding valid = Bindings.createBooleanBinding(
            () -> hostProblem(host.get()) == null && portProblem(port.get()) == null
                    && databaseProblem(database.get()) == null && userProblem(user.get()) == null,
            host, port, database, user);

    public BooleanBinding valid() {
        return valid;
    }

    public static String hostProblem(String v) {
        if (v == null || v.isBlank()) {
            return "enter the server's host name or IP address";
        }
        // one colon followed by digits is a port typed into the host field; IPv6 addresses have several colons
        boolean withPort = v.strip().matches("[^:]+:\\d*");
        if (v.contains("://") || v.contains("/") || v.contains("@") || v.strip().contains(" ") || withPort) {
            return "enter only the host name, e.g. db.example.com (port, user and database have their own fields)";
        }
        return null;
    }

    public static String portProblem(String v) {
        try {
            int p = Integer.parseInt(v == null ? "" : v.strip());
            return p >= 1 && p <= 65535 ? null : "a port is a number from 1 to 65535 (PostgreSQL's default is 5432)";
        } catch (NumberFormatException e) {
            return "a port is a number from 1 to 65535 (PostgreSQL's default is 5432)";
        }
    }

    public static String databaseProblem(String v) {
        return v == null || v.isBlank() ? "enter the database name (names are case-sensitive)" : null;
    }

    public static String userProblem(String v) {
        return v == null || v.isBlank() ? "enter the user to log in as" : null;
    }

    public Secret secret() {
        return new Secret(password.get() == null || password.get().isEmpty() ? null : password.get());
    }

    /** The endpoint as typed, with the CA file as {@code sslrootcert}; throws when a field breaks its rule. */
    public PgEndpoint toEndpoint() {
        for (String problem : new String[]{hostProblem(host.get()), portProblem(port.get()),
                databaseProblem(database.get()), userProblem(user.get())}) {
            if (problem != null) {
                throw new InvalidEndpoint("the connection settings are incomplete", problem);
            }
        }
        SslMode.of(sslMode.get());
        return toSaved().toEndpoint(secret());
    }

    public SavedEndpoint toSaved() {
        Path ca = caFile.get();
        return new SavedEndpoint(host.get().strip(), Integer.parseInt(port.get().strip()), database.get(), user.get(),
                sslMode.get(), ca == null ? null : ca.toAbsolutePath().toString());
    }

    public void load(SavedEndpoint saved, Secret secret) {
        host.set(saved.host());
        port.set(String.valueOf(saved.port()));
        database.set(saved.database());
        user.set(saved.user());
        sslMode.set(saved.sslMode());
        caFile.set(saved.caFile() == null ? null : Path.of(saved.caFile()));
        password.set(secret.isPresent() ? secret.value() : "");
    }

    /** The endpoint without its password, for summaries. */
    public String display() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("sslmode", sslMode.get());
        return new PgEndpoint(host.get(), safePort(), database.get(), user.get(), Secret.NONE, shown).display()
                + (caFile.get() == null ? "" : " (CA " + caFile.get().getFileName() + ")");
    }

    private int safePort() {
        return portProblem(port.get()) == null ? Integer.parseInt(port.get().strip()) : PgEndpoint.DEFAULT_PORT;
    }
}
