package io.walbridge.core.setup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.walbridge.core.setup.SetupFixture.notes;
import static org.assertj.core.api.Assertions.assertThat;

class ReplicaIdentityTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void dropSlots() {
        f.close();
    }

    private void tablesWithoutKeys() {
        f.exec("CREATE TABLE public.keyed (id int PRIMARY KEY)",
                "CREATE TABLE public.log (line text)",
                "CREATE TABLE public.events (at int, what text) PARTITION BY RANGE (at)",
                "CREATE TABLE public.events_1 PARTITION OF public.events FOR VALUES FROM (0) TO (10)",
                "CREATE TABLE public.events_2 PARTITION OF public.events FOR VALUES FROM (10) TO (20)");
    }

    private List<List<String>> identities() {
        return f.rows("SELECT relname, relreplident FROM pg_class WHERE relname IN ('keyed', 'log', 'events',"
                + " 'events_1', 'events_2') ORDER BY relname");
    }

    @Test
    void setsFullOnTablesAndLeafPartitionsWithoutAKey() {
        tablesWithoutKeys();

        f.run(SetupRequest.of("p", f.slot("full"), "public.*").withReplicaIdentityFull());
        // a published table without identity refuses UPDATE; with FULL it works
        f.exec("INSERT INTO public.log VALUES ('x')", "UPDATE public.log SET line = 'y'",
                "INSERT INTO public.events VALUES (1, 'a')", "DELETE FROM public.events");

        assertThat(identities()).containsExactly(List.of("events", "d"), List.of("events_1", "f"),
                List.of("events_2", "f"), List.of("keyed", "d"), List.of("log", "f"));
    }

    @Test
    void warnsInsteadWhenNotAskedToChangeTables() {
        tablesWithoutKeys();

        ReplicationPlan plan = f.plan(SetupRequest.of("p", f.slot("warn"), "public.log, public.keyed"));

        assertThat(plan.statements()).extracting(PlanStatement::sql).noneMatch(s -> s.contains("REPLICA IDENTITY"));
        assertThat(notes(plan)).containsExactly("table public.log has no primary key or replica identity: once"
                + " published, UPDATE and DELETE on it fail on the source; add a primary key or rerun setup with"
                + " --replica-identity-full");
    }
}
