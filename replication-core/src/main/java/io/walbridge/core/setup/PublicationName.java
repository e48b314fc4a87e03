package io.walbridge.core.setup;

/** A publication name: any identifier the server can store unchanged (it is always quoted in SQL). */
public record PublicationName(String value) {

    public PublicationName {
        PgIdentifier.check("publication", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
