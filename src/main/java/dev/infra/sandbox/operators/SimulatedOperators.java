package dev.infra.sandbox.operators;

import java.util.List;

/** The operators the sandbox plays; add one here. */
public final class SimulatedOperators {
    private SimulatedOperators() {
    }

    public static List<SimulatedOperator> all() {
        return List.of(new PrometheusOperator(), new CertManager(new CertManagerIssuers()), new Pgo(), new KeycloakOperator(),
                new Eck(), new ExternalSecrets(), new SealedSecrets(), new ArgoCd());
    }
}
