package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.TablePattern.ExactTable;
import io.walbridge.core.setup.TablePattern.WholeSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSelectionTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void cleanUp() {
        f.close();
    }

    private ChosenTables resolve(String tables) throws Exception {
        try (Connection c = f.connect()) {
            return TableSelection.parse(tables).resolve(c);
        }
    }

    @Test
    void parsesTablesWildcardsAndQuotedNames() {
        assertThat(TableSelection.parse(" public.orders, sales.* ,\"My Schema\".\"Orders\", items").patterns())
                .containsExactly(new ExactTable(new TableId("public", "orders")), new WholeSchema("sales"),
                        new ExactTable(new TableId("My Schema", "Orders")), new ExactTable(new TableId("public", "items")));
    }

    @Test
    void commasDotsAndStarsInsideQuotesArePartOfTheName() {
        assertThat(TableSelection.parse("\"a,b\".\"c.d\", s.\"*\", \"x\"\"y\".*").patterns())
                .containsExactly(new ExactTable(new TableId("a,b", "c.d")), new ExactTable(new TableId("s", "*")),
                        new WholeSchema("x\"y"));
    }

    @Test
    void emptyOrStarMeansAllTables() {
        assertThat(TableSelection.parse("").isAll()).isTrue();
        assertThat(TableSelection.parse(null).isAll()).isTrue();
        assertThat(TableSelection.parse(" , ").isAll()).isTrue();
        assertThat(TableSelection.parse("*").isAll()).isTrue();
    }

    @Test
    void unreadableEntriesAreRefusedWithTheEntry() {
        assertThatThrownBy(() -> TableSelection.parse("a.b.c")).isInstanceOf(SetupRefused.class)
                .hasMessageStartingWith("cannot read 'a.b.c' as a table name");
        assertThatThrownBy(() -> TableSelection.parse("public.\"orders")).isInstanceOf(SetupRefused.class)
                .hasMessageStartingWith("cannot read 'public.\"orders' as a table name");
        assertThatThrownBy(() -> TableSelection.parse("a.b.*")).isInstanceOf(SetupRefused.class);
    }

    @Test
    void resolvesOrdinaryAndPartitionedTablesAndSkipsSystemAndUnloggedOnes() throws Exception {
        f.exec("CREATE SCHEMA sales", "CREATE TABLE public.a (id int PRIMARY KEY)",
                "CREATE UNLOGGED TABLE public.scratch (id int)",
                "CREATE VIEW public.v AS SELECT 1 AS one",
                "CREATE TABLE sales.p (id int, k int) PARTITION BY RANGE (k)",
                "CREATE TABLE sales.p1 PARTITION OF sales.p FOR VALUES FROM (0) TO (10)",
                "CREATE TABLE public.p2 PARTITION OF sales.p FOR VALUES FROM (10) TO (20)");

        assertThat(resolve("").tables()).containsExactly(new TableId("public", "a"), new TableId("sales", "p"));
        assertThat(resolve("public.*").tables()).containsExactly(new TableId("public", "a"),
                new TableId("public", "p2"));
        assertThat(resolve("sales.*, public.*").tables()).containsExactly(new TableId("public", "a"),
                new TableId("sales", "p"));
        assertThat(resolve("sales.p1").tables()).containsExactly(new TableId("sales", "p1"));
        assertThat(resolve("sales.*").wholeSchemas()).containsExactly("sales");
    }

    @Test
    void unknownTablesAndSchemasAreNamed() throws Exception {
        f.exec("CREATE SCHEMA \"Sales\"", "CREATE TABLE \"Sales\".\"Orders\" (id int PRIMARY KEY)",
                "CREATE VIEW public.v AS SELECT 1 AS one", "CREATE UNLOGGED TABLE public.scratch (id int)");

        assertThatThrownBy(() -> resolve("public.nope")).isInstanceOf(SetupRefused.class)
                .hasMessage("table public.nope does not exist (or is not a table)");
        assertThatThrownBy(() -> resolve("Sales.orders")).isInstanceOf(SetupRefused.class)
                .hasMessage("table Sales.orders does not exist (or is not a table); did you mean \"Sales\".\"Orders\"?");
        assertThatThrownBy(() -> resolve("sales.*")).isInstanceOf(SetupRefused.class)
                .hasMessage("schema sales does not exist in this database; did you mean \"Sales\"?");
        assertThatThrownBy(() -> resolve("public.v")).hasMessageStartingWith("table public.v does not exist");
        assertThatThrownBy(() -> resolve("pg_catalog.pg_class")).isInstanceOf(SetupRefused.class)
                .hasMessage("schema pg_catalog is a system schema; its tables cannot be published");
        assertThatThrownBy(() -> resolve("public.scratch")).isInstanceOf(SetupRefused.class)
                .hasMessage("table public.scratch is unlogged; logical replication cannot publish unlogged tables");
    }
}
