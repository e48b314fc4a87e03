package io.walbridge.core.setup;

import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a JDBC session to an endpoint; tests and the GUI may replace the default pgjdbc one. */
@FunctionalInterface
public interface ConnectionFactory {

    Connection open(PgEndpoint endpoint) throws SQLException;

    /** pgjdbc with timeouts, so that a server that accepts TCP but never answers cannot hang a diagnosis. */
    ConnectionFactory PGJDBC = endpoint -> {
        Properties props = endpoint.jdbcProperties();
        props.putIfAbsent("loginTimeout", props.getProperty("connectTimeout", "10"));
        props.putIfAbsent("socketTimeout", "60");
        return DriverManager.getConnection(endpoint.jdbcUrl(), props);
    };
}
