package dev.infra.catalog;

import java.util.regex.Pattern;

/**
 * A profile's kube context pattern, matched against the whole context name as kubectl shows it:
 * {@code *} stands for any characters, {@code :} and {@code /} included (EKS names contexts
 * {@code arn:aws:eks:REGION:ACCOUNT:cluster/NAME}), {@code ?} for one; everything else is literal.
 */
public record ContextPattern(String glob) {

    public boolean matches(String context) {
        return context != null && regex().matcher(context).matches();
    }

    private Pattern regex() {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                regex.append(Pattern.quote(literal.toString())).append(ch == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString());
    }
}
