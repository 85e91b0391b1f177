package org.medsite.medical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Medical words patients often do not know, with the plain words to use instead. Deliberately short and
 * conservative: only words whose everyday meaning is clear and whose plain alternative is accurate (after
 * the CDC's Everyday Words for Public Health Communication and the NIH plain language guidance). English
 * only: other languages have no built-in list, so their pages are not checked.
 */
public final class Jargon {

    /** One jargon word: how it is written (forms: plurals, spellings, related words) and plain words for it. */
    public record Word(String word, List<String> forms, String plain) {

        public Word {
            forms = List.copyOf(forms);
        }
    }

    static final List<Word> ENGLISH = List.of(
            word("hypertension", "high blood pressure", "hypertensive"),
            word("hypotension", "low blood pressure", "hypotensive"),
            word("hyperlipidemia", "high levels of fats (such as cholesterol) in the blood", "hyperlipidaemia"),
            word("hypercholesterolemia", "high cholesterol", "hypercholesterolaemia"),
            word("dyslipidemia", "unhealthy levels of fats in the blood", "dyslipidaemia"),
            word("hyperglycemia", "high blood sugar", "hyperglycaemia"),
            word("hypoglycemia", "low blood sugar", "hypoglycaemia"),
            word("myocardial infarction", "heart attack", "myocardial infarctions"),
            word("cerebrovascular accident", "stroke", "cerebrovascular accidents"),
            word("benign", "not cancer"),
            word("malignant", "cancerous"),
            word("malignancy", "cancer", "malignancies"),
            word("neoplasm", "abnormal growth (tumor)", "neoplasms"),
            word("metastasis", "spread of cancer to other parts of the body", "metastases", "metastatic"),
            word("chronic", "long-lasting"),
            word("acute", "sudden and short-term"),
            word("edema", "swelling", "oedema"),
            word("dyspnea", "shortness of breath", "dyspnoea"),
            word("prognosis", "likely outcome", "prognoses"),
            word("contraindicated", "should not be used", "contraindication", "contraindications"),
            word("asymptomatic", "without symptoms"),
            word("analgesic", "pain reliever", "analgesics"),
            word("antipyretic", "fever reducer", "antipyretics"),
            word("hemorrhage", "heavy bleeding", "haemorrhage", "hemorrhages"),
            word("pruritus", "itching"),
            word("syncope", "fainting"),
            word("tachycardia", "fast heartbeat"),
            word("bradycardia", "slow heartbeat"),
            word("etiology", "cause", "aetiology"),
            word("idiopathic", "of unknown cause"),
            word("comorbidity", "another health condition at the same time", "comorbidities"),
            word("renal", "kidney"),
            word("hepatic", "liver"),
            word("pulmonary", "lung"),
            word("intravenous", "into a vein", "intravenously"),
            word("subcutaneous", "under the skin", "subcutaneously"),
            word("prophylaxis", "prevention", "prophylactic"),
            word("febrile", "with a fever"),
            word("erythema", "redness"),
            word("exacerbation", "flare-up", "exacerbations"),
            word("dysuria", "pain when urinating"),
            word("nocturia", "waking at night to urinate"),
            word("sedentary", "not physically active"));

    private static final TermMatcher<Word> ENGLISH_MATCHER = matcher(ENGLISH);

    private Jargon() {
    }

    /** The built-in list's matcher for a language, if Medsite has one for it. */
    public static Optional<TermMatcher<Word>> forLanguage(String lang) {
        return lang.equals("en") || lang.startsWith("en-") ? Optional.of(ENGLISH_MATCHER) : Optional.empty();
    }

    private static Word word(String word, String plain, String... forms) {
        return new Word(word, List.of(forms), plain);
    }

    private static TermMatcher<Word> matcher(List<Word> words) {
        Map<String, Word> forms = new LinkedHashMap<>();
        for (Word w : words) {
            forms.put(w.word(), w);
            w.forms().forEach(f -> forms.put(f, w));
        }
        return new TermMatcher<>(forms, Map.of());
    }
}
