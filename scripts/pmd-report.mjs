// Turns PMD findings into the lines the check prints: every failing finding in
// full (file, line, rule, message), and the advice as one count per run, so the
// failures are not lost among hundreds of advice lines. Set PMD_ADVICE=full to
// list the advice too.
export function pmdReportLines(violations, { isFailing, ruleCount, listAdvice = false }) {
    const failing = violations.filter(isFailing);
    const advice = violations.filter((v) => !isFailing(v));
    const line = (label, v) =>
        `${label} sev${v.severity} ${v.rule} ${v.file}:${v.line} ${v.message}`;
    const lines = failing.map((v) => line('ERROR', v));
    if (listAdvice) lines.push(...advice.map((v) => line('advice', v)));
    lines.push(
        `PMD: ${ruleCount} rule(s), ${failing.length} failing, ${advice.length} advice finding(s)` +
            (advice.length > 0 && !listAdvice ? ' (PMD_ADVICE=full lists them).' : '.')
    );
    return lines;
}
