package dev.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a real Kubernetes API server. Each test method may take a
 * {@link TestNamespace}: a namespace of its own, deleted afterwards, with a client and the
 * kubeconfig path. See {@link ClusterExtension} for how the cluster is chosen.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterExtension.class)
@Tag("cluster")
public @interface KubeTest {
}
