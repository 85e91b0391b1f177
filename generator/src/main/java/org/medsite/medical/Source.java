package org.medsite.medical;

import java.util.Optional;

/**
 * A source a medical page rests on ({@code sources:} in front matter), cited in the text as {@code [@id]}.
 *
 * @param id the key used in citations
 * @param title the document's title
 * @param publisher the publisher or journal
 * @param year the year of publication
 * @param url a web address
 * @param doi a Digital Object Identifier ({@code 10.xxxx/...})
 * @param pmid a PubMed identifier
 * @param line the front matter line of the entry, for findings
 */
public record Source(String id, String title, Optional<String> publisher, Optional<Integer> year, Optional<String> url,
        Optional<String> doi, Optional<String> pmid, int line) {

    /** Where a reader follows the source: the URL, else the DOI resolver, else PubMed. */
    public Optional<String> href() {
        return url.or(() -> doi.map(d -> "https://doi.org/" + d))
                .or(() -> pmid.map(p -> "https://pubmed.ncbi.nlm.nih.gov/" + p + "/"));
    }
}
