package io.walbridge.app.cli;

import io.walbridge.app.common.TlsWarning;
import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.EndpointProbe;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.verify.BigQueryVerifier;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.verify.TableDifference;
import io.walbridge.core.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code walbridge verify}: proves the destination equals the source, table by table. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compare source and destination tables: counts, hashes over key ranges, differing keys.")
final class VerifyCommand implements Callable<Integer> {

    private static final int SHOWN_KEYS = 20;

    @Option(names = "--source", required = true, description = "Source URL.")
    String source;

    @Option(names = "--target", required = true, description = "Destination URL: postgresql://… or bigquery://PROJECT/DATASET?…")
    String target;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "Tables to compare (schema.table, comma-separated); default: every replicated table.")
    List<String> tables = List.of();

    @Option(names = "--wait", defaultValue = "60s", converter = UnitConverters.Time.class,
            description = "How long to wait for replication to catch up before comparing (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PgEndpoint src = PgEndpoint.parse(source);
        boolean bigQuery = BigQueryTarget.isBigQueryUrl(target);
        PgEndpoint dst = bigQuery ? null : PgEndpoint.parse(target);
        TlsWarning.print(spec.commandLine().getErr(), "source", src);
        EndpointProbe.reach("source", src);
        if (dst != null) {
            TlsWarning.print(spec.commandLine().getErr(), "destination", dst);
            EndpointProbe.reach("destination", dst);
        }
        List<TableId> ids = tables.stream().map(TableId::parse).toList();
        Verifier.Options options = new Verifier.Options(wait, 3);
        Verifier.Report report = bigQuery
                ? new BigQueryVerifier(src, BigQueryTarget.parse(target), options, Clock.systemUTC())
                        .verify(ids, VerifyCommand::print)
                : new Verifier(src, dst, options, Clock.systemUTC()).verify(ids, VerifyCommand::print);
        if (!report.caughtUp()) {
            System.out.println("note: no pipeline reached source position " + report.sourcePosition() + " within "
                    + wait.toSeconds() + " s; differences may be changes not replicated yet");
        }
        if (report.tables().isEmpty()) {
            System.out.println("no replicated tables found; name them with --tables");
            return WalBridgeCommand.FAILED;
        }
        long differing = report.tables().stream().filter(d -> !d.equal()).count();
        System.out.println(differing == 0 ? "equal: " + report.tables().size() + " table(s) match"
                : "not equal: " + differing + " of " + report.tables().size() + " table(s) differ");
        return differing == 0 ? WalBridgeCommand.OK : WalBridgeCommand.FAILED;
    }

    static void print(TableDifference d) {
        if (d.targetTableMissing()) {
            System.out.println("DIFF  " + d.table() + "  missing on the destination");
        } else if (d.equal()) {
            System.out.printf("OK    %s  %,d rows%n", d.table(), d.sourceRows());
        } else {
            System.out.printf("DIFF  %s  source %,d rows, destination %,d rows: %d missing, %d extra, %d differ%n",
                    d.table(), d.sourceRows(), d.targetRows(), d.missing().size(), d.extra().size(), d.differing().size());
            keys("missing", d.missing());
            keys("extra", d.extra());
            keys("differ", d.differing());
        }
    }

    private static void keys(String what, List<String> keys) {
        if (!keys.isEmpty()) {
            System.out.println("      " + what + ": " + String.join(" ", keys.subList(0, Math.min(SHOWN_KEYS, keys.size())))
                    + (keys.size() > SHOWN_KEYS ? " … (" + keys.size() + " in all)" : ""));
        }
    }
}
