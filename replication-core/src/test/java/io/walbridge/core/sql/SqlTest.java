package io.walbridge.core.sql;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class SqlTest {

    @Test
    void quotesHostileIdentifiersIntoPlainNames() {
        assertThat(Sql.ident("x\"; drop table y; --")).isEqualTo("\"x\"\"; drop table y; --\"");
        assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void splitsQualifiedNamesWithQuotes() {
        assertThat(QualifiedName.split("public.orders")).containsExactly("public", "orders");
        assertThat(QualifiedName.split("\"My Schema\".\"a.b\"\"c\"")).containsExactly("My Schema", "a.b\"c");
    }

    @Test
    void tableIdDefaultsToPublic() {
        assertThat(io.walbridge.core.change.TableId.parse("orders").schema()).isEqualTo("public");
        assertThat(io.walbridge.core.change.TableId.parse("s.t").quoted()).isEqualTo("\"s\".\"t\"");
    }
}
