package org.cjkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /**
     * The rules {@code pdf} fails for {@code flavour}, by clause and test number, each with
     * its message and the number of failed checks; empty for a compliant file.
     */
    public static Map<String, String> failedRules(Path pdf, PDFAFlavour flavour) throws Exception {
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

    /** The files found compliant, by their content: a rebuild that gives the same bytes is not checked again. */
    private static final Set<String> COMPLIANT = ConcurrentHashMap.newKeySet();

    /**
     * Fails unless {@code pdf} is PDF/UA-1 compliant and, if it claims to be PDF/A-1a, that
     * too, naming each failed rule. Every PDF the suite builds through {@link Builds} comes here.
     */
    public static void assertCompliant(Path pdf) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String digest = digest(bytes);
        if (COMPLIANT.contains(digest)) {
            return;
        }
        // The XMP metadata is stored uncompressed, as PDF/A asks, so its claim can be read as text.
        boolean archival = new String(bytes, StandardCharsets.ISO_8859_1).contains("<pdfaid:part>1</pdfaid:part>");
        Map<String, String> failed = new TreeMap<>();
        try {
            failedRules(pdf, PDFAFlavour.PDFUA_1).forEach((rule, message) -> failed.put("UA-1 " + rule, message));
            if (archival) {
                failedRules(pdf, PDFAFlavour.PDFA_1_A).forEach((rule, message) -> failed.put("A-1a " + rule, message));
            }
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not check " + pdf + ": " + e, e);
        }
        if (!failed.isEmpty()) {
            throw new AssertionError("veraPDF: " + pdf + " fails " + failed);
        }
        COMPLIANT.add(digest);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
