package org.cjkbook.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.util.ParsedURL;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.cjkbook.BookException;
import org.cjkbook.SafeXml;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.Size;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.pdf.SvgImage;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xml.sax.SAXException;

import com.lowagie.text.Image;

/**
 * Flying Saucer's resource loader, with images made to fit the page. An image wider than
 * the text block is scaled down to it (Flying Saucer ignores {@code max-width} on images).
 * An SVG image's size is read here: Flying Saucer reads {@code width="1000.00"} as a whole
 * number and fails, while SVG lengths may have decimals and units; and it would size the
 * image in its own dots instead of CSS pixels. For an archival PDF, an image with
 * transparency or more than 8 bits a sample is drawn on the white page first (PDF/A-1 has
 * neither).
 */
final class PrintUserAgent extends ITextUserAgent {

    private static final Pattern NUMBER = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)");

    private final Map<String, SvgImage> svgs = new HashMap<>();
    /** SVG rasters by image and size; the map is the layout thread's alone, the work is not. */
    private final Map<String, CompletableFuture<Image>> rasters = new HashMap<>();
    private final Map<String, Image> opaqueImages = new HashMap<>();
    private final int dotsPerPixel;
    private final int maxWidth;
    private final boolean archival;

    private final PageGeometry page;

    /**
     * {@code maxWidth} is the text block's width, in the renderer's dots; {@code page} makes
     * the page stylesheet; {@code archival} makes images opaque.
     */
    PrintUserAgent(ITextOutputDevice device, int dotsPerPixel, int maxWidth, PageGeometry page, boolean archival) {
        super(device, dotsPerPixel);
        this.dotsPerPixel = dotsPerPixel;
        this.maxWidth = maxWidth;
        this.page = page;
        this.archival = archival;
    }

    /** The page stylesheet is made from the page's geometry, not read from a file. */
    @Override
    public CSSResource getCSSResource(String uri) {
        // The document links it by a relative name, which comes here as it is written.
        if (uri.equals(PdfEdition.stylesheetName(page))) {
            return new CSSResource(new ByteArrayInputStream(page.stylesheet().getBytes(StandardCharsets.UTF_8)));
        }
        return super.getCSSResource(uri);
    }

    @Override
    public ImageResource getImageResource(String uri) {
        ImageResource resource;
        if (uri.toLowerCase(Locale.ROOT).endsWith(".svg") && uri.startsWith("file:")) {
            resource = new ImageResource(uri, (FSImage) svgs.computeIfAbsent(uri, this::load).clone());
        } else {
            resource = super.getImageResource(uri);
            if (archival && resource.getImage() instanceof ITextFSImage raster && !opaque(raster.getImage())) {
                resource = new ImageResource(uri,
                        new ITextFSImage(Image.getInstance(opaqueImages.computeIfAbsent(uri, this::flattened))));
            }
        }
        FSImage image = resource.getImage();
        if (image != null && image.getWidth() > maxWidth) {
            return new ImageResource(resource.getImageUri(), image.scale(maxWidth, -1));
        }
        return resource;
    }

    private SvgImage load(String uri) {
        Path file = Path.of(URI.create(uri));
        try {
            byte[] svg = Files.readAllBytes(file);
            // Its CSS pixels in the renderer's dots, as Flying Saucer scales raster images.
            Size size = size(svg);
            return new PrintSvg(svg, new Size(size.width() * dotsPerPixel, size.height() * dotsPerPixel), uri);
        } catch (IOException | SAXException e) {
            throw new BookException(file + ": cannot read the SVG image (" + e.getMessage() + ")", e);
        }
    }

    /** An image file's width over its height: an SVG's as it is laid out here, a raster image's in pixels. */
    static double aspect(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                Size size = size(Files.readAllBytes(file));
                return (double) size.width() / Math.max(1, size.height());
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new IOException("not an image");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return (double) reader.getWidth(0) / Math.max(1, reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | SAXException e) {
            throw new BookException(file + ": cannot read the image's size (" + e.getMessage() + ")", e);
        }
    }

    /** The width and height the image declares, else its view box's, else a browser's default. */
    private static Size size(byte[] svg) throws IOException, SAXException {
        Element root = SafeXml.parser(true).parse(new ByteArrayInputStream(svg)).getDocumentElement();
        Double width = number(root.getAttribute("width"));
        Double height = number(root.getAttribute("height"));
        if (width != null && height != null) {
            return new Size((int) Math.round(width), (int) Math.round(height));
        }
        String[] box = root.getAttribute("viewBox").trim().split("[\\s,]+");
        if (box.length == 4 && number(box[2]) != null && number(box[3]) != null) {
            return new Size((int) Math.round(number(box[2])), (int) Math.round(number(box[3])));
        }
        return new Size(300, 150);
    }

    /**
     * An SVG image laid out at its size in dots and drawn from a raster of 300 pixels per
     * inch: Flying Saucer would make one pixel per dot, 1,920 per inch. The raster is made
     * once per size, on another core, as soon as layout gives the size: painting, which
     * comes later, then seldom waits for it.
     */
    private final class PrintSvg extends SvgImage {
        private static final float PIXELS_PER_DOT = 300f / 72f / RendererMetrics.DOTS_PER_POINT;

        PrintSvg(byte[] svg, Size size, String uri) {
            super(svg, size, uri);
        }

        @Override
        public FSImage scale(int width, int height) {
            PrintSvg scaled = new PrintSvg(image, size.scale(width, height), uri);
            scaled.raster();
            return scaled;
        }

        /** The raster at this size, made or being made. */
        private CompletableFuture<Image> raster() {
            return rasters.computeIfAbsent(uri + " " + getWidth() + "x" + getHeight(),
                    key -> CompletableFuture.supplyAsync(this::draw));
        }

        @Override
        public Image getImage() {
            try {
                return raster().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }

        private Image draw() {
            SvgRaster transcoder = new SvgRaster();
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, Math.max(1f, getWidth() * PIXELS_PER_DOT));
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, Math.max(1f, getHeight() * PIXELS_PER_DOT));
            try {
                transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(image)), null);
                return archival ? onWhite(transcoder.raster) : Image.getInstance(transcoder.raster, null);
            } catch (IOException | TranscoderException e) {
                throw new BookException(uri + ": cannot draw the SVG image (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Batik's drawing of an SVG, kept as pixels: encoding it as a PNG only for OpenPDF to decode it costs as much again. */
    private static final class SvgRaster extends ImageTranscoder {
        private BufferedImage raster;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage image, TranscoderOutput output) {
            raster = image;
        }

        // Batik prints what it cannot use (CSS it predates, such as a "transparent" stroke)
        // and draws the rest: the build's output is no place for that.
        @Override
        protected org.apache.batik.bridge.UserAgent createUserAgent() {
            return new SVGAbstractTranscoderUserAgent() {
                @Override
                public void displayError(Exception e) {
                }

                @Override
                public void displayError(String message) {
                }

                // The reader lets through only images that draw from themselves; should one
                // slip by, it still reads no file and calls no server.
                @Override
                public ExternalResourceSecurity getExternalResourceSecurity(ParsedURL resource, ParsedURL document) {
                    return new NoLoadExternalResourceSecurity();
                }

                @Override
                public ScriptSecurity getScriptSecurity(String type, ParsedURL script, ParsedURL document) {
                    return new NoLoadScriptSecurity(type);
                }
            };
        }
    }

    /**
     * Whether PDF/A-1 takes the image as it is: no mask, no transparent colour, 8 bits a
     * sample at most, and not in CMYK, which an sRGB output intent does not describe.
     */
    private static boolean opaque(Image image) {
        return image.getImageMask() == null && image.getTransparency() == null && image.getBpc() <= 8
                && image.getColorspace() != CMYK;
    }

    /** The number of colour components of a CMYK image. */
    private static final int CMYK = 4;

    /** The image of {@code uri} on white, at the size Flying Saucer gave it. */
    private Image flattened(String uri) {
        Image original = ((ITextFSImage) super.getImageResource(uri).getImage()).getImage();
        try {
            Image flat = onWhite(getBinaryResource(uri));
            flat.scaleAbsolute(original.getPlainWidth(), original.getPlainHeight());
            return flat;
        } catch (IOException e) {
            throw new BookException(uri + ": cannot read the image (" + e.getMessage() + ")", e);
        }
    }

    /** A PNG, GIF or JPEG drawn on white, as 8-bit RGB. */
    private static Image onWhite(byte[] encoded) throws IOException {
        BufferedImage source = cmykJpeg(encoded);
        return onWhite(source != null ? source : ImageIO.read(new ByteArrayInputStream(encoded)));
    }

    private static Image onWhite(BufferedImage source) throws IOException {
        BufferedImage flat = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return Image.getInstance(flat, null);
    }

    /**
     * A four-channel JPEG in RGB, or null for any other image: ImageIO reads CMYK only as
     * raw samples. The colours are those of the samples without a press profile, read as a
     * PDF reader reads them: Adobe's files (an APP14 marker) hold the samples inverted, and
     * may hold them as YCCK, whose YCC part decodes to the complement of CMY.
     */
    private static BufferedImage cmykJpeg(byte[] encoded) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!isJpeg(encoded) || !readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in);
            java.awt.image.Raster raster = reader.readRaster(0, null);
            if (raster.getNumBands() != CMYK) {
                return null;
            }
            org.w3c.dom.Node adobe = adobeMarker(reader.getImageMetadata(0));
            boolean inverted = adobe != null;
            boolean ycck = adobe != null && "2".equals(((Element) adobe).getAttribute("transform"));
            BufferedImage rgb = new BufferedImage(raster.getWidth(), raster.getHeight(), BufferedImage.TYPE_INT_RGB);
            int[] sample = new int[CMYK];
            for (int y = 0; y < raster.getHeight(); y++) {
                for (int x = 0; x < raster.getWidth(); x++) {
                    raster.getPixel(x + raster.getMinX(), y + raster.getMinY(), sample);
                    if (ycck) {
                        double luma = sample[0];
                        double blue = sample[1] - 128.0;
                        double red = sample[2] - 128.0;
                        sample[0] = 255 - clamp(luma + 1.402 * red);
                        sample[1] = 255 - clamp(luma - 0.344136 * blue - 0.714136 * red);
                        sample[2] = 255 - clamp(luma + 1.772 * blue);
                    }
                    int pixel = 0;
                    for (int c = 0; c < 3; c++) {
                        int ink = inverted ? 255 - sample[c] : sample[c];
                        int black = inverted ? 255 - sample[3] : sample[3];
                        pixel = pixel << 8 | (255 - ink) * (255 - black) / 255;
                    }
                    rgb.setRGB(x, y, pixel);
                }
            }
            return rgb;
        } finally {
            reader.dispose();
        }
    }

    private static boolean isJpeg(byte[] encoded) {
        return encoded.length > 2 && (encoded[0] & 0xFF) == 0xFF && (encoded[1] & 0xFF) == 0xD8;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** The Adobe APP14 marker in the reader's metadata of a JPEG, or null. */
    private static org.w3c.dom.Node adobeMarker(javax.imageio.metadata.IIOMetadata metadata) {
        org.w3c.dom.Node tree = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        for (org.w3c.dom.Node part = tree.getFirstChild(); part != null; part = part.getNextSibling()) {
            for (org.w3c.dom.Node marker = part.getFirstChild(); marker != null; marker = marker.getNextSibling()) {
                if (marker.getNodeName().equals("app14Adobe")) {
                    return marker;
                }
            }
        }
        return null;
    }

    private static Double number(String length) {
        Matcher m = NUMBER.matcher(length);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
