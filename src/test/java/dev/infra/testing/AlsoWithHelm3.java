package dev.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs twice: with helm 4 in the whole suite, then again with helm 3 (INFRA_HELM set
 * to the helm3 that scripts/testbin.sh builds), in the pom's surefire execution {@code helm3}.
 * For what must behave the same with both majors: installs, reruns, repairs, rollbacks, uninstalls.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("helm3")
public @interface AlsoWithHelm3 {
}
