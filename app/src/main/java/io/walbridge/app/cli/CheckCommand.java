package io.walbridge.app.cli;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.Diagnostics;
import io.walbridge.core.setup.DiagnosticsReport;
import io.walbridge.core.setup.tls.CaBundle;
import io.walbridge.core.source.PgEndpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code walbridge check}: tests, stage by stage, whether a source server is ready for logical replication. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Test whether a PostgreSQL source is ready for logical replication: name resolution, TCP, TLS,"
                + " login, database, version, wal_level, free slots, privileges and replica identity.%n"
                + "Exit codes: 0 ready (warnings allowed), 1 not ready, 2 usage error.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "postgresql://user[:password]@host[:port]/dbname[?sslmode=...]; the password may also come"
                    + " from PGPASSWORD or ~/.pgpass")
    private String source;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "PEM file with the CA certificate(s) that issued the server's certificate;"
                    + " implies sslmode=verify-full unless the URL sets an sslmode")
    private Path ca;

    @Option(names = "--tables", paramLabel = "LIST",
            description = "comma-separated tables to check (schema.table; quote mixed case as \"MyTable\");"
                    + " default: every user table")
    private String tables;

    @Override
    public Integer call() {
        CheckTarget target = target();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Checking " + target.display());
        CheckReportPrinter printer = new CheckReportPrinter(out);
        DiagnosticsReport report = new Diagnostics().run(target, printer);
        printer.verdict(report);
        return report.ready() ? WalBridgeCommand.OK : WalBridgeCommand.FAILED;
    }

    /** Everything the user typed, validated before any connection is made; a mistake here is a usage error. */
    private CheckTarget target() {
        try {
            PgEndpoint endpoint = PgEndpoint.parse(source);
            if (ca != null) {
                CaBundle.load(ca);
            }
            return CheckTarget.of(endpoint, ca, parseTables(tables));
        } catch (UserFacingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    e.fix().isEmpty() ? e.problem() : e.problem() + "\nfix: " + e.fix());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tables: " + e.getMessage()
                    + "\nfix: write the list like public.orders,sales.\"LineItems\"");
        }
    }

    /** Splits at commas outside double quotes, so quoted names may hold commas. */
    static List<TableId> parseTables(String list) {
        List<TableId> result = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return result;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : list.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                result.add(TableId.parse(current.toString().trim()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        result.add(TableId.parse(current.toString().trim()));
        return result;
    }
}
