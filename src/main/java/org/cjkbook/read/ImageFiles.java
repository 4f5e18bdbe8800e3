package org.cjkbook.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.cjkbook.SafeXml;
import org.w3c.dom.Attr;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks that an image file is what its name says and draws as it is: a PNG, JPEG or GIF
 * that decodes completely, or an SVG that draws from itself alone. Both editions copy or
 * draw the file, so an image that would read a local file, call the network or run a
 * script in either of them is refused here, before any edition sees it.
 */
final class ImageFiles {

    /** Larger images would take more memory to decode than a book has to give. */
    private static final long MAX_PIXELS = 50_000_000L;

    private static final Set<String> SVG_DOCTYPES = Set.of("-//W3C//DTD SVG 1.0//EN", "-//W3C//DTD SVG 1.1//EN",
            "-//W3C//DTD SVG 1.1 Basic//EN", "-//W3C//DTD SVG 1.1 Tiny//EN");
    private static final Pattern CSS_REFERENCE = Pattern.compile(
            "(?i)url\\s*+\\(\\s*+['\"]?+\\s*+(?!#)|@import|image-set|expression\\s*\\(");
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=\\s]+)");

    private ImageFiles() {
    }

    /** Why the image cannot go into a book, or null when it can. */
    static String problem(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        try {
            return switch (extension) {
                case "png" -> raster(Files.readAllBytes(file), "png");
                case "jpg", "jpeg" -> raster(Files.readAllBytes(file), "jpeg");
                case "gif" -> raster(Files.readAllBytes(file), "gif");
                case "svg" -> svg(Files.readAllBytes(file));
                default -> "is not a PNG, JPEG, GIF or SVG image";
            };
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Decodes every pixel, since a file whose header reads well may still be cut short. */
    private static String raster(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "is not a " + format.toUpperCase(Locale.ROOT) + " image: its bytes are no image format";
            }
            ImageReader reader = readers.next();
            try {
                String found = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!found.equals(format) && !(format.equals("jpeg") && found.equals("jpg"))) {
                    return "is not a " + format.toUpperCase(Locale.ROOT) + " image but a "
                            + found.toUpperCase(Locale.ROOT) + ": give it the right extension";
                }
                reader.setInput(in);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return "is too large to decode (" + reader.getWidth(0) + " × " + reader.getHeight(0) + " pixels)";
                }
                StringBuilder warnings = new StringBuilder();
                reader.addIIOReadWarningListener((source, warning) -> warnings.append(warning));
                reader.read(0);
                return warnings.isEmpty() ? null : "does not decode (" + warnings + ")";
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "does not decode as " + format.toUpperCase(Locale.ROOT) + " (" + e.getMessage() + ")";
        }
    }

    private static String svg(byte[] bytes) {
        org.w3c.dom.Document document;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            document = SafeXml.parser(true).parse(in);
        } catch (SAXException | IOException e) {
            return "is not an SVG image cjkbook can read (" + e.getMessage() + ")";
        }
        DocumentType doctype = document.getDoctype();
        if (doctype != null && (doctype.getInternalSubset() != null && !doctype.getInternalSubset().isBlank()
                || !SVG_DOCTYPES.contains(doctype.getPublicId()))) {
            return "has a DOCTYPE that declares entities or another DTD; remove it";
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            return "is not an SVG image (its root element is " + root.getTagName() + ")";
        }
        return unsafe(document);
    }

    /** The first thing in the tree that would reach outside the image or run, described, or null. */
    private static String unsafe(Node node) {
        switch (node.getNodeType()) {
            case Node.PROCESSING_INSTRUCTION_NODE:
                return "has a processing instruction (<?" + node.getNodeName() + "?>), which may load a stylesheet";
            case Node.ENTITY_REFERENCE_NODE:
                return "uses the entity &" + node.getNodeName() + ";";
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE:
                return node.getParentNode() != null && "style".equals(node.getParentNode().getLocalName())
                        && CSS_REFERENCE.matcher(node.getNodeValue()).find()
                        ? "has a stylesheet that refers to another resource" : null;
            case Node.ELEMENT_NODE:
                String element = element((Element) node);
                if (element != null) {
                    return element;
                }
                break;
            default:
                break;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            String problem = unsafe(child);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String element(Element element) {
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("script") || lower.equals("foreignobject") || lower.equals("handler")) {
            return "has a <" + name + "> element; an image in a book may not hold programs or other documents";
        }
        if ((lower.equals("set") || lower.startsWith("animate"))
                && element.getAttribute("attributeName").toLowerCase(Locale.ROOT).endsWith("href")) {
            return "animates a link (<" + name + ">)";
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String key = local.toLowerCase(Locale.ROOT);
            String value = attribute.getValue().strip();
            if (key.startsWith("on")) {
                return "has an event handler (" + attribute.getName() + "), which would run a script";
            }
            if ((key.equals("href") || key.equals("src")) && !value.startsWith("#") && !isSafeDataImage(value)) {
                return "refers to " + abbreviated(value) + " (" + attribute.getName()
                        + "); an image in a book must draw from itself alone";
            }
            if (CSS_REFERENCE.matcher(value).find()) {
                return "refers to another resource in " + attribute.getName() + " (" + abbreviated(value) + ")";
            }
        }
        return null;
    }

    /** A raster image written into the SVG: allowed when it decodes as what it says. */
    private static boolean isSafeDataImage(String value) {
        var m = DATA_IMAGE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(m.group(2));
            return raster(bytes, m.group(1)) == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
