package io.walbridge.core.change;

/**
 * One column as a pgoutput Relation message describes it.
 *
 * @param key whether the column is part of the table's replica identity
 */
public record Column(String name, int typeOid, int typeModifier, boolean key) {
}
