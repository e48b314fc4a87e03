package io.walbridge.core.setup;

import java.io.IOException;
import java.sql.SQLException;

/**
 * One stage of the connection test. A problem found is returned as a {@link CheckResult}; an
 * exception only means the check itself could not run (the engine reports that as a failure too).
 */
public interface Check {

    Stage stage();

    CheckResult run(CheckContext context) throws IOException, SQLException;
}
