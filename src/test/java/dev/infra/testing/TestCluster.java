package dev.infra.testing;

import java.nio.file.Path;

/** A cluster that the tests of one run share; closed when the run ends. */
public interface TestCluster extends AutoCloseable {
    Path kubeconfig();

    /** True for the local kwok cluster, whose pods are simulated and whose Stages can be set. */
    boolean simulated();

    String description();

    @Override
    void close();
}
