package dev.infra.cli;

/** Where infra finds the programs it runs. */
final class Tools {
    private Tools() {
    }

    /** helm from INFRA_HELM when set (a pinned binary), else from PATH. */
    static String helm() {
        String helm = System.getenv("INFRA_HELM");
        return helm == null || helm.isBlank() ? "helm" : helm;
    }
}
