package dev.infra.testing;

import java.nio.file.Path;

/** A cluster that the tests of one run share; closed when the run ends. */
public interface TestCluster extends AutoCloseable {
    Path kubeconfig();

    String description();

    /** Stops the API server and starts it again, for fault tests. */
    default void restartApiServer() {
        throw new UnsupportedOperationException(description() + " cannot be restarted by the tests");
    }

    @Override
    void close();
}
