package io.walbridge.app.cli;

import io.walbridge.app.common.TlsWarning;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.setup.EndpointProbe;
import io.walbridge.core.setup.NewLogin;
import io.walbridge.core.setup.PlanNote;
import io.walbridge.core.setup.PublicationName;
import io.walbridge.core.setup.ReplicationPlan;
import io.walbridge.core.setup.ReplicationPlanExecutor;
import io.walbridge.core.setup.ReplicationPlanner;
import io.walbridge.core.setup.RoleName;
import io.walbridge.core.setup.ServerRefusal;
import io.walbridge.core.setup.SetupRequest;
import io.walbridge.core.setup.SlotName;
import io.walbridge.core.setup.StepResult;
import io.walbridge.core.setup.TableSelection;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.sql.Sql;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code walbridge setup}: creates the publication and slot if missing, and says what it did or found. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Create the publication and the pgoutput replication slot WalBridge reads from.",
                "Safe to run again: what already exists is checked and kept."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:setup failed or was refused; the reason and a fix are printed",
                "2:the command line is wrong"})
public final class SetupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL", converter = Endpoints.class,
            description = "The source database, e.g. postgresql://user@host:5432/db?sslmode=verify-full")
    private PgEndpoint source;

    @Option(names = "--publication", required = true, paramLabel = "NAME", converter = Publications.class,
            description = "The publication to create or check.")
    private PublicationName publication;

    @Option(names = "--slot", required = true, paramLabel = "NAME", converter = Slots.class,
            description = "The logical replication slot (lowercase letters, digits, _).")
    private SlotName slot;

    @Option(names = "--tables", paramLabel = "LIST", converter = Selections.class, defaultValue = "",
            description = "Tables to publish: 'schema.table,schema.*'; quote names like \"My Schema\".\"Orders\"."
                    + " Default: all tables.")
    private TableSelection tables;

    @Option(names = "--create-user", paramLabel = "NAME", converter = Roles.class,
            description = "Also create a login with only REPLICATION and SELECT on the chosen tables; its"
                    + " password is printed once.")
    private RoleName createUser;

    @Option(names = "--replica-identity-full",
            description = "Set REPLICA IDENTITY FULL on chosen tables that have no primary key.")
    private boolean replicaIdentityFull;

    @Option(names = "--dry-run", description = "Print the SQL script instead of running it.")
    private boolean dryRun;

    @Override
    public Integer call() {
        try {
            return setUp(spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (UserFacingException e) {
            // server messages do not echo passwords, but a URL password must never reach the screen
            Secret secret = source.password();
            throw new UserFacingException(secret.scrub(e.problem()), secret.scrub(e.fix()), e);
        }
    }

    private int setUp(PrintWriter out, PrintWriter err) {
        TlsWarning.print(err, "source", source);
        SetupRequest request = new SetupRequest(publication, slot, tables, Optional.ofNullable(createUser),
                replicaIdentityFull);
        try (Connection c = connect()) {
            ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
            if (dryRun) {
                out.print(plan.sqlScript());
                out.flush();
                plan.login().ifPresent(login -> err.println(passwordLine(login, "if you run this script")));
                return WalBridgeCommand.OK;
            }
            plan.notes().stream().filter(PlanNote.Warning.class::isInstance)
                    .forEach(n -> out.println("warning: " + n.text()));
            new ReplicationPlanExecutor(result -> {
                if (result instanceof StepResult.Done done) {
                    out.println(done.outcome());
                    out.flush();
                }
            }).execute(c, plan);
            // what was found comes after what was done: the things changed are the news
            plan.notes().stream().filter(PlanNote.Kept.class::isInstance).forEach(n -> out.println(n.text()));
            if (plan.isEmpty()) {
                out.println("nothing to change");
            }
            plan.login().ifPresent(login -> out.println(passwordLine(login, "store it now")));
            return WalBridgeCommand.OK;
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "finish setup", "").asException(e);
        }
    }

    private Connection connect() {
        try {
            return source.connect();
        } catch (SQLException e) {
            throw EndpointProbe.explain(null, e, source);
        }
    }

    private static String passwordLine(NewLogin login, String when) {
        return "password of login " + Sql.ident(login.role().value()) + ", shown only this once (" + when + "): "
                + login.password().value();
    }

    /** Turns a value the core refuses into a usage error (exit 2) carrying the core's reason and fix. */
    private abstract static class Converter<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;

        Converter(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (UserFacingException e) {
                throw new TypeConversionException(e.fix().isEmpty() ? e.problem() : e.problem() + "\nfix: " + e.fix());
            }
        }
    }

    static final class Endpoints extends Converter<PgEndpoint> {
        Endpoints() {
            super(PgEndpoint::parse);
        }
    }

    static final class Publications extends Converter<PublicationName> {
        Publications() {
            super(PublicationName::new);
        }
    }

    static final class Slots extends Converter<SlotName> {
        Slots() {
            super(SlotName::new);
        }
    }

    static final class Roles extends Converter<RoleName> {
        Roles() {
            super(RoleName::new);
        }
    }

    static final class Selections extends Converter<TableSelection> {
        Selections() {
            super(TableSelection::parse);
        }
    }
}
