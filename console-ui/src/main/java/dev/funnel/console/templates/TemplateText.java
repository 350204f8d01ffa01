package dev.funnel.console.templates;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {{n}} variables of a template text: counted, checked for sequence and filled in as the lead reads them. */
public final class TemplateText {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,2}");

    private TemplateText() {
    }

    /** How many variables the text takes: the highest {{n}} (0 without any). */
    public static int variables(String text) {
        TreeSet<Integer> numbers = numbers(text);
        return numbers.isEmpty() ? 0 : numbers.last();
    }

    /** True when every variable is a number and they run {{1}}, {{2}}... without gaps (as Meta requires). */
    public static boolean inSequence(String text) {
        if (text == null) {
            return true;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!NUMBER.matcher(m.group(1).strip()).matches()) {
                return false;
            }
        }
        TreeSet<Integer> numbers = numbers(text);
        return numbers.isEmpty() || numbers.last() == numbers.size();
    }

    /** The text with {{n}} replaced by the n-th value; a variable without a (non-blank) value stays as it is. */
    public static String fill(String text, List<String> values) {
        if (text == null) {
            return "";
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).strip();
            int n = NUMBER.matcher(inner).matches() ? Integer.parseInt(inner) : 0;
            String value = n >= 1 && n <= values.size() && values.get(n - 1) != null && !values.get(n - 1).isBlank()
                    ? values.get(n - 1) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text has at least one variable. */
    public static boolean hasVariables(String text) {
        return text != null && VARIABLE.matcher(text).find();
    }

    private static TreeSet<Integer> numbers(String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        if (text == null) {
            return numbers;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String inner = m.group(1).strip();
            if (NUMBER.matcher(inner).matches()) {
                numbers.add(Integer.parseInt(inner));
            }
        }
        return numbers;
    }
}
