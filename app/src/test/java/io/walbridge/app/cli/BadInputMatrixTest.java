package io.walbridge.app.cli;

import io.walbridge.app.BadInputs;
import io.walbridge.app.BadInputs.BadInput;
import io.walbridge.app.BadInputs.Expected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input matrix ({@link BadInputs}) against each command that takes the input: a clear {@code error:} (or
 * {@code FAIL}) line naming the cause, a fix, the documented exit code, no stack trace, and nothing left behind
 * on the server — no slot, no publication, no login.
 */
class BadInputMatrixTest {

    static Stream<BadInput> forCheck() {
        return BadInputs.forSurface("check");
    }

    static Stream<BadInput> forSetup() {
        return BadInputs.forSurface("setup");
    }

    static Stream<BadInput> forRun() {
        return BadInputs.forSurface("run");
    }

    static Stream<BadInput> forVerify() {
        return BadInputs.forSurface("verify");
    }

    @ParameterizedTest(name = "check: {0}")
    @MethodSource("forCheck")
    void checkExplainsIt(BadInput in) {
        List<String> args = new ArrayList<>(List.of("check", "--source", in.source));
        for (int i = 0; i + 1 < in.options.size(); i += 2) {
            if (in.options.get(i).equals("--ca") || in.options.get(i).equals("--tables")) {
                args.addAll(in.options.subList(i, i + 2));
            }
        }
        in.prepare();
        try {
            assertExplained(in, "check", CliRun.of(args.toArray(String[]::new)));
        } finally {
            in.cleanUp();
        }
    }

    @ParameterizedTest(name = "setup: {0}")
    @MethodSource("forSetup")
    void setupExplainsItAndLeavesNothingBehind(BadInput in) {
        List<String> args = new ArrayList<>(List.of("setup", "--source", in.source,
                "--publication", in.publicationForSetup()));
        if (in.createLogin) {
            args.addAll(List.of("--create-user", in.role));
        }
        args.addAll(withSlot(in));
        if (!in.options.contains("--tables")) {
            args.addAll(List.of("--tables", "public.t"));
        }
        in.prepare();
        try {
            assertExplained(in, "setup", CliRun.of(args.toArray(String[]::new)));
        } finally {
            in.cleanUp();
        }
    }

    @ParameterizedTest(name = "run: {0}")
    @MethodSource("forRun")
    void runExplainsItAndLeavesNothingBehind(BadInput in) {
        List<String> args = new ArrayList<>(List.of("run", "--source", in.source, "--target", in.target,
                "--publication", "bad_pub", "--until-caught-up"));
        args.addAll(withSlot(in));
        in.prepare();
        try {
            assertExplained(in, "run", CliRun.of(args.toArray(String[]::new)));
        } finally {
            in.cleanUp();
        }
    }

    @ParameterizedTest(name = "verify: {0}")
    @MethodSource("forVerify")
    void verifyExplainsIt(BadInput in) {
        in.prepare();
        try {
            assertExplained(in, "verify", CliRun.of("verify", "--source", in.source, "--target", in.target,
                    "--tables", "public.t", "--wait", "1s"));
        } finally {
            in.cleanUp();
        }
    }

    /** The row's options, with its own unique slot unless the row names one. */
    private static List<String> withSlot(BadInput in) {
        List<String> out = new ArrayList<>(in.options);
        if (!out.contains("--slot")) {
            out.addAll(List.of("--slot", in.slot));
        }
        return out;
    }

    private static void assertExplained(BadInput in, String command, CliRun run) {
        Expected expected = in.expected.get(command);
        String all = run.out() + run.err();
        assertThat(run.exitCode()).as("exit code; output:%n%s", all).isEqualTo(expected.exitCode());
        assertThat(all).as("output").contains(expected.words());
        if (expected.exitCode() != 0 && !command.equals("check")) {
            assertThat(all).as("an error line and a fix line").containsPattern("(?m)^(error|walbridge): .+")
                    .containsPattern("(?m)^fix: .+");
        }
        if (command.equals("check") && expected.exitCode() == 1) {
            assertThat(run.outLines()).as("a fix under the failed stage").anyMatch(l -> l.startsWith("      fix:   "));
        }
        assertThat(all).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(all).as("no password").doesNotContain("hunter2pw").doesNotContain("Wrong-Pass-456");
        if (expected.exitCode() != 0) {
            BadInputs.assertNothingMade(in);
        } else if (command.equals("setup")) {
            in.server.exec(in.db, "SELECT pg_drop_replication_slot('" + in.slot + "')");
            if (in.createLogin) {
                in.server.exec(in.db, "DROP OWNED BY " + in.role, "DROP ROLE " + in.role);
            }
        }
    }

}
