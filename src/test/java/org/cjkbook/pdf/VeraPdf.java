package org.cjkbook.pdf;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the validator of the PDF Association, run in this JVM: the rules a PDF fails
 * for PDF/A or PDF/UA, each with what it says and how often it failed.
 */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /**
     * The rules {@code pdf} fails for {@code flavour}, by clause and test number, each with
     * its message and the number of failed checks; empty for a compliant file.
     */
    static Map<String, String> failedRules(Path pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> failed = new TreeMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                    failed.putIfAbsent(rule, result.getFailedChecks().get(assertion.getRuleId()) + "× "
                            + assertion.getMessage() + " (" + assertion.getLocation().getContext() + ")");
                }
            }
            if (failed.isEmpty() && !result.isCompliant()) {
                failed.put("?", "not compliant, but no rule failed: " + result.getJobEndStatus());
            }
            return failed;
        }
    }
}
