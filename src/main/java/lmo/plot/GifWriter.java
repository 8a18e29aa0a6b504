package lmo.plot;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import lmo.io.RunLayout;

/**
 * An animated GIF written frame by frame with {@code javax.imageio}: each frame 8-bit indexed (its own palette of
 * its 256 most frequent colours, others drawn as the nearest of them), with a {@code GraphicControlExtension} delay
 * and, on the first frame, the {@code NETSCAPE2.0} application extension that loops forever. Frames go to
 * {@code <file>.tmp}, renamed over the file by {@link #finish}; {@link #close} without {@link #finish} deletes the
 * temporary file, so a failure leaves nothing half-written. Fails with an IOException if the file cannot be written.
 */
public final class GifWriter implements Closeable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private final Path file, tmp;
    private final int delayCentiseconds;
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private int frames;
    private boolean finished;

    /** Starts {@code file} (its directory created if needed); each frame shows for {@code delayCentiseconds}. */
    public GifWriter(Path file, int delayCentiseconds) throws IOException {
        if (delayCentiseconds < 1 || delayCentiseconds > 0xffff) {
            throw new IllegalArgumentException("a GIF delay is 1 to 65535 hundredths of a second, got " + delayCentiseconds);
        }
        this.file = file;
        this.tmp = file.resolveSibling(file.getFileName() + RunLayout.TMP);
        this.delayCentiseconds = delayCentiseconds;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.deleteIfExists(tmp);
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.stream = ImageIO.createImageOutputStream(tmp.toFile());
        if (stream == null) throw new IOException(tmp + ": cannot be written");
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** Appends a frame. */
    public void add(BufferedImage image) throws IOException {
        BufferedImage indexed = indexed(image);
        // the image's own palette (ImageTypeSpecifier.createFromRenderedImage would give TYPE_BYTE_INDEXED's default one)
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        gce.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(indexed, null, meta), null);
        frames++;
    }

    /** Ends the GIF and renames it into place; returns the file. */
    public Path finish() throws IOException {
        writer.endWriteSequence();
        stream.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.dispose();
        if (!finished) {
            stream.close();
            Files.deleteIfExists(tmp);
        }
    }

    /** The named child of a metadata tree, added if missing. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The image in 8 bits: its 256 most frequent colours, every other colour as the nearest of them. */
    static BufferedImage indexed(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : rgb) counts.merge(c & 0xffffff, 1, Integer::sum);
        int[] palette = counts.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .limit(256).mapToInt(Map.Entry::getKey).toArray();
        int size = Math.max(2, palette.length);
        byte[] r = new byte[size], g = new byte[size], b = new byte[size];
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
            index.put(palette[i], i);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, size, r, g, b));
        byte[] pixels = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = (byte) (int) index.computeIfAbsent(rgb[i] & 0xffffff, c -> nearest(c, palette));
        }
        return out;
    }

    private static int nearest(int c, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long dr = (c >> 16 & 0xff) - (palette[i] >> 16 & 0xff), dg = (c >> 8 & 0xff) - (palette[i] >> 8 & 0xff),
                    db = (c & 0xff) - (palette[i] & 0xff);
            long distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
