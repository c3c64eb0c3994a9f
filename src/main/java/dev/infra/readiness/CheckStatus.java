package dev.infra.readiness;

/**
 * Where one readiness check stands.
 *
 * @param failed true when waiting longer cannot help (a Job failed, a volume is lost, a rollout is past its deadline)
 */
public record CheckStatus(ReadinessCheck check, boolean ready, boolean failed, String message) {

    static CheckStatus ready(ReadinessCheck check) {
        return new CheckStatus(check, true, false, "ready");
    }

    static CheckStatus waiting(ReadinessCheck check, String message) {
        return new CheckStatus(check, false, false, message);
    }

    static CheckStatus failed(ReadinessCheck check, String message) {
        return new CheckStatus(check, false, true, message);
    }

    public String subject() {
        return check.kind() + " " + check.name();
    }
}
