package dev.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster test that relies on the local control plane's simulation (kwok Stages playing
 * operators, pods that forward to local addresses, stand-in charts, an API server the test can
 * restart). On a real cluster it is reported as not applicable, with {@link #value()} as the
 * reason, rather than run or silently skipped.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterModeCondition.class)
public @interface NeedsSimulation {
    /** What of the simulation the test needs. */
    String value();
}
