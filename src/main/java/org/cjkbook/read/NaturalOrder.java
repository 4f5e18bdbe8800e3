package org.cjkbook.read;

/**
 * The order people number files in: runs of digits compare as numbers, so {@code 2.md}
 * comes before {@code 10.md} and {@code 01-前言.md} before {@code 02-第一章.md}; the rest
 * compares by code point. Names that differ only in leading zeros fall back to code points.
 */
final class NaturalOrder {

    private NaturalOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String numberA = withoutLeadingZeros(a.substring(i, endA));
                String numberB = withoutLeadingZeros(b.substring(j, endB));
                // Without leading zeros, a longer run is a larger number.
                int order = numberA.length() != numberB.length() ? Integer.compare(numberA.length(), numberB.length())
                        : numberA.compareTo(numberB);
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else {
                int codePointA = a.codePointAt(i);
                int codePointB = b.codePointAt(j);
                if (codePointA != codePointB) {
                    return Integer.compare(codePointA, codePointB);
                }
                i += Character.charCount(codePointA);
                j += Character.charCount(codePointB);
            }
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int start) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
