package dev.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster test that needs real pods, images and operators; on the local control plane it is
 * reported as not applicable, with {@link #value()} as the reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterModeCondition.class)
public @interface NeedsRealCluster {
    /** What a simulated cluster lacks for this test. */
    String value();
}
