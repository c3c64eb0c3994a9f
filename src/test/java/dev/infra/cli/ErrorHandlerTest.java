package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.infra.errors.ExitCodes;
import dev.infra.run.SecretMask;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Errors, with -v their causes too, never show a secret value the run has seen. */
class ErrorHandlerTest {
    private static final String SECRET = "Kq7vXw2mPz9rTb4s";

    @Test
    void theMessageAndTheCauseChainAreMasked() {
        var mask = new SecretMask();
        mask.add(SECRET);
        var global = new GlobalOptions();
        global.verbose = true;
        var err = new StringWriter();
        var command = new CommandLine(new InfraCommand()).setErr(new PrintWriter(err, true));
        var failure = new IllegalStateException("install failed with " + SECRET,
                new RuntimeException("apply rejected: password=" + SECRET, new IllegalArgumentException(SECRET + " is too short")));

        int code = new ErrorHandler(global, mask).handleExecutionException(failure, command, null);

        assertEquals(ExitCodes.FAILURE, code);
        assertFalse(err.toString().contains(SECRET), err.toString());
        assertEquals("""
                infra: error: install failed with ******
                  caused by: java.lang.RuntimeException: apply rejected: password=******
                  caused by: java.lang.IllegalArgumentException: ****** is too short
                """, err.toString());
    }
}
