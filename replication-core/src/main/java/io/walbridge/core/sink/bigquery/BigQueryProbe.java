package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.Table;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import org.json.JSONObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Proves a BigQuery destination can be used before a pipeline starts: the credentials load, the dataset exists
 * (or is created), and a probe table takes a row through the Storage Write API, reads it back and is dropped.
 */
public final class BigQueryProbe {

    /** One step's outcome: passed with what was found, or failed with the problem and its fix. */
    public record Step(String name, boolean passed, String detail, String fix) {
    }

    private BigQueryProbe() {
    }

    /** Runs the steps in order, reporting each as it ends; stops at the first that fails. */
    public static List<Step> run(BigQueryTarget target, Consumer<Step> progress) {
        List<Step> out = new ArrayList<>();
        Consumer<Step> report = s -> {
            out.add(s);
            progress.accept(s);
        };
        BigQueryClients clients;
        try {
            clients = BigQueryClients.open(target);
            report.accept(new Step("credentials", true, target.endpoints().isGoogle()
                    ? (target.credentials() == null ? "Application Default Credentials loaded"
                    : "service-account key " + target.credentials() + " loaded")
                    : "none needed (emulator at " + target.endpoints().api() + ")", ""));
        } catch (UserFacingException e) {
            report.accept(new Step("credentials", false, e.problem(), e.fix()));
            return out;
        }
        try (clients) {
            DatasetCatalog catalog = new DatasetCatalog(clients);
            try {
                catalog.ensureDataset();
                report.accept(new Step("dataset", true, "dataset " + target.project() + "." + target.dataset() + " is ready"
                        + (target.location() == null ? "" : " in " + target.location()), ""));
            } catch (UserFacingException e) {
                report.accept(new Step("dataset", false, e.problem(), e.fix()));
                return out;
            }
            String probe = "_walbridge_probe_" + UUID.randomUUID().toString().replace("-", "");
            try {
                Table t = catalog.create(probe, Schema.of(Field.of("probe", StandardSQLTypeName.STRING)), List.of(),
                        "WalBridge connection test; dropped right away", false);
                try (TableWriter w = TableWriter.open(clients, new TableId("walbridge", "probe"), probe,
                        t.getDefinition().getSchema(), false)) {
                    w.append(List.of(new JSONObject().put("probe", "walbridge")), List.of("(probe)"));
                    w.awaitAll();
                }
                AtomicInteger rows = new AtomicInteger();
                catalog.readAll(probe, r -> rows.incrementAndGet());
                if (rows.get() != 1) {
                    report.accept(new Step("write", false, "the probe row written to " + probe + " did not read back",
                            "try again in a minute; if it persists, check the dataset's settings in the console"));
                    return out;
                }
                report.accept(new Step("write", true, "a probe table took a row through the Storage Write API and was dropped", ""));
            } catch (UserFacingException e) {
                report.accept(new Step("write", false, e.problem(), e.fix()));
            } finally {
                try {
                    clients.bigQuery().delete(catalog.id(probe));
                } catch (BigQueryException ignored) {
                    // the table may not have been created; nothing else is left behind
                }
            }
            return out;
        }
    }
}
