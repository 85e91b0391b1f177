package org.medsite.output;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small helpers over the JDK's StAX writer for the XML files a site has (feeds, sitemaps). */
final class Xml {

    private Xml() {
    }

    /** Writes the elements of a document. */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static String document(Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            out.write("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return out.toString() + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot carry (control characters pasted from word processors). */
    static String clean(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (!ok && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
