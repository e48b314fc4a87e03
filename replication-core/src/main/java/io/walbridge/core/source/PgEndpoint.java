package io.walbridge.core.source;

import io.walbridge.core.config.Secret;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where and how to reach one PostgreSQL server, from a libpq-style {@code postgresql://} URL. The
 * password comes from the URL, else {@code PGPASSWORD}, else {@code .pgpass} (pgjdbc reads that file).
 */
public record PgEndpoint(String host, int port, String database, String user, Secret password,
                         Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;

    public PgEndpoint {
        params = Map.copyOf(params);
        if (password == null) {
            password = Secret.NONE;
        }
    }

    /** Parses {@code postgresql://user:password@host:port/db?sslmode=verify-full&sslrootcert=ca.pem}. */
    public static PgEndpoint parse(String url) {
        return parse(url, System.getenv());
    }

    static PgEndpoint parse(String url, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            throw new InvalidEndpoint("the connection URL is empty", "give one like postgresql://user@host:5432/dbname");
        }
        String trimmed = url.trim();
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new InvalidEndpoint("the connection URL must start with postgresql:// (got '" + redact(trimmed) + "')",
                    "write it like postgresql://user@host:5432/dbname?sslmode=verify-full");
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpoint("the connection URL is malformed: " + redact(trimmed),
                    "percent-encode special characters in the user, password or database name (e.g. @ as %40)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidEndpoint("the connection URL has no host name: " + redact(trimmed),
                    "write it like postgresql://user@host:5432/dbname");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String user = null;
        Secret password = Secret.NONE;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = new Secret(decode(userInfo.substring(colon + 1)));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = new Secret(value);
                } else {
                    params.put(key, value);
                }
            }
        }
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        if (!password.isPresent() && env.get("PGPASSWORD") != null) {
            password = new Secret(env.get("PGPASSWORD"));
        }
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? user : decode(path.substring(1));
        return new PgEndpoint(host, port, database, user, password, params);
    }

    /**
     * The URL's sslmode; without one, {@code verify-full} when a CA is given ({@code sslrootcert}: the user wants
     * the server proven) and libpq's {@code prefer} otherwise.
     */
    public String sslMode() {
        return params.getOrDefault("sslmode", params.containsKey("sslrootcert") ? "verify-full" : "prefer");
    }

    public PgEndpoint withParam(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return new PgEndpoint(host, port, database, user, password, copy);
    }

    public PgEndpoint withPassword(Secret secret) {
        return new PgEndpoint(host, port, database, user, secret, params);
    }

    public PgEndpoint withDatabase(String db) {
        return new PgEndpoint(host, port, db, user, password, params);
    }

    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** Connection properties for pgjdbc; libpq parameter names are translated where they differ. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password.isPresent()) {
            p.setProperty("password", password.value());
        } else {
            // libpq's password file (PGPASSFILE or ~/.pgpass), read by pgjdbc's own parser
            String fromFile = org.postgresql.jdbcurlresolver.PgPassParser.getPassword(host, String.valueOf(port), database, user);
            if (fromFile != null && !fromFile.isEmpty()) {
                p.setProperty("password", fromFile);
            }
        }
        p.setProperty("ApplicationName", params.getOrDefault("application_name", "walbridge"));
        // libpq's connect_timeout bounds the whole connection set-up; pgjdbc splits it into TCP connect and login,
        // and without the login bound a server (or proxy) that accepts TCP but never answers would hang us
        String connectTimeout = params.getOrDefault("connect_timeout", "10");
        p.setProperty("connectTimeout", connectTimeout);
        p.setProperty("loginTimeout", connectTimeout);
        p.setProperty("sslmode", sslMode());
        for (Map.Entry<String, String> e : params.entrySet()) {
            switch (e.getKey()) {
                case "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslfactory", "localSocketAddress",
                     "socketTimeout", "options", "tcpKeepAlive", "targetServerType" -> p.setProperty(e.getKey(), e.getValue());
                default -> { }
            }
        }
        return p;
    }

    /** Opens an ordinary connection. */
    public java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), jdbcProperties());
    }

    /** Properties for a logical replication connection (walsender in database mode, simple query protocol). */
    public Properties replicationProperties() {
        Properties p = jdbcProperties();
        org.postgresql.PGProperty.REPLICATION.set(p, "database");
        org.postgresql.PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        org.postgresql.PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        return p;
    }

    /** The URL as it can be shown: the password is never part of it. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        StringBuilder sb = new StringBuilder("postgresql://").append(user).append('@').append(h).append(':').append(port)
                .append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            // sslpassword and the like unlock key material: shown masked like the password
            String value = e.getKey().toLowerCase().contains("password") ? "*****" : e.getValue();
            sb.append(sep).append(e.getKey()).append('=').append(value);
            sep = "&";
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Hides a password typed into a URL before the URL is echoed in an error message. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@?]*):[^@/?]*@", "$1:*****@");
    }
}
