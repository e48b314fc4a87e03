package io.walbridge.core.setup.tls;

/** One problem with a server's certificate: what is wrong and what to do about it. */
public record TlsFinding(String problem, String fix) {
}
