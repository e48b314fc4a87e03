package io.walbridge.core.setup;

import java.util.Optional;

/**
 * What the network looks like from the server's side: the address it sees this machine as, and whether it
 * lets a client in without TLS.
 *
 * @param clientAddress the address the server saw ({@code inet_client_addr()}); empty when the login failed
 *                      or the connection came through a Unix socket
 * @param loginProblem  why the address could not be asked for, or empty
 */
public record AccessReport(Optional<String> clientAddress, String loginProblem, PlainText plainText, String plainDetail) {

    /** Whether the server's pg_hba.conf lets an unencrypted connection from this machine reach authentication. */
    public enum PlainText {
        /** An unencrypted connection got as far as authentication (or in): passwords and data can travel in clear. */
        ACCEPTED,
        /** pg_hba.conf turned the unencrypted attempt away: only TLS connections get in. */
        REFUSED,
        /** The probe could not tell (the server did not answer, or refused for another reason). */
        UNKNOWN
    }
}
