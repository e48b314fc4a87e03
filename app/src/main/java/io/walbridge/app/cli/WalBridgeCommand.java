package io.walbridge.app.cli;

import io.walbridge.app.Version;
import io.walbridge.core.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code walbridge} command line: one subcommand per class, plain output, documented exit codes. */
@Command(name = "walbridge", mixinStandardHelpOptions = true, versionProvider = WalBridgeCommand.VersionProvider.class,
        description = "PostgreSQL change data capture: set up, run and watch logical replication.",
        subcommands = {CheckCommand.class, SetupCommand.class, RunCommand.class, StatusCommand.class, VerifyCommand.class,
                DemoCommand.class})
public final class WalBridgeCommand implements Runnable {

    /** Exit codes shared by every command (documented in the README). */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** {@code status}: the command worked and found at least one active alert. */
    public static final int ALERT = 3;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    // pgjdbc logs through java.util.logging straight to stderr (a host-name mismatch, for one, as a SEVERE block);
    // the error line and its fix already say it, so only WALBRIDGE_LOG_LEVEL=debug lets those through
    private static final java.util.logging.Logger PGJDBC_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    static {
        String level = System.getProperty("WALBRIDGE_LOG_LEVEL", System.getenv().getOrDefault("WALBRIDGE_LOG_LEVEL", ""));
        if (!level.equalsIgnoreCase("debug") && !level.equalsIgnoreCase("trace")) {
            PGJDBC_LOG.setLevel(java.util.logging.Level.OFF);
        }
    }

    /** Runs the command line and returns the exit code; a failure is printed as cause and fix, never a stack trace. */
    public static int execute(String... args) {
        CommandLine cmd = new CommandLine(new WalBridgeCommand());
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println(Failure.describe(ex));
            return FAILED;
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("walbridge: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run 'walbridge " + ex.getCommandLine().getCommandName()
                    + " --help' for the options.");
            return USAGE;
        });
        return cmd.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"WalBridge " + Version.current()};
        }
    }

    /** Turns any failure into the lines a user sees. */
    static final class Failure {
        private Failure() {
        }

        static String describe(Throwable ex) {
            UserFacingException uf = find(ex);
            if (uf != null) {
                return uf.fix().isEmpty() ? "error: " + uf.problem() : "error: " + uf.problem() + "\nfix: " + uf.fix();
            }
            org.slf4j.LoggerFactory.getLogger(WalBridgeCommand.class).debug("unexpected failure", ex);
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            return "error: " + msg.lines().findFirst().orElse(msg);
        }

        private static UserFacingException find(Throwable ex) {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof UserFacingException uf) {
                    return uf;
                }
            }
            return null;
        }
    }
}
