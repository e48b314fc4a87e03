package io.walbridge.core.source;

import io.walbridge.core.change.TableId;

import java.util.List;

/** A user-defined type a table depends on, which the destination must have before the table. */
public sealed interface TypeDefinition {

    TableId name();

    /** {@code CREATE TYPE … AS ENUM (labels)}. */
    record Enum(TableId name, List<String> labels) implements TypeDefinition {
        public Enum {
            labels = List.copyOf(labels);
        }
    }

    /** {@code CREATE DOMAIN … AS baseType}; constraints stay on the source, which already enforced them. */
    record Domain(TableId name, String baseType) implements TypeDefinition {
    }

    /** A composite, range or extension type WalBridge does not create: the destination must already have it. */
    record External(TableId name, String kind) implements TypeDefinition {
    }
}
