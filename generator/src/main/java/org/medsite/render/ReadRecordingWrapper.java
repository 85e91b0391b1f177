package org.medsite.render;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperConfiguration;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.ext.util.WrapperTemplateModel;

/**
 * FreeMarker's default wrapper, which also notes, for the template run under way, which pages and which
 * collections of the site it read (see {@link TemplateReads}). Views are wrapped when a template first
 * touches them, so what is noted is what the template used, through whichever path it took.
 */
final class ReadRecordingWrapper extends DefaultObjectWrapper {

    ReadRecordingWrapper(DefaultObjectWrapperConfiguration configuration) {
        super(configuration, true);
    }

    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        ReadLog log = ReadLog.current();
        if (log != null) {
            if (obj instanceof PageView page) {
                return new RecordingPage((TemplateHashModelEx) super.wrap(obj), page, log);
            } else if (obj instanceof SectionView section) {
                log.addListOfLink(section.url());
            } else if (obj instanceof TaxonomyView taxonomy) {
                log.addListOfLink(taxonomy.url());
            } else if (obj instanceof SiteView site) {
                return new RecordingSite((TemplateHashModelEx) super.wrap(obj), site, log);
            }
        }
        return super.wrap(obj);
    }

    /** A page's view, noting whether a template reads its body or only the rest. */
    private record RecordingPage(TemplateHashModelEx delegate, PageView page, ReadLog reads)
            implements TemplateHashModelEx, AdapterTemplateModel, WrapperTemplateModel {

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (TemplateReads.BODY_PROPERTIES.contains(key)) {
                reads.add(TemplateReads.pageBody(page.id()));
            } else if (TemplateReads.MINUTES_PROPERTY.equals(key)) {
                reads.add(TemplateReads.pageMinutes(page.id()));
            } else {
                reads.add(TemplateReads.page(page.id()));
            }
            return delegate.get(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return delegate.isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return delegate.size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return delegate.keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            reads.add(TemplateReads.page(page.id()));
            reads.add(TemplateReads.pageBody(page.id()));
            reads.add(TemplateReads.pageMinutes(page.id()));
            return delegate.values();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return page;
        }

        @Override
        public Object getWrappedObject() {
            return page;
        }
    }

    /** The {@code site} variable, noting which of its collections a template reads. */
    private record RecordingSite(TemplateHashModelEx delegate, SiteView site, ReadLog reads)
            implements TemplateHashModelEx, AdapterTemplateModel, WrapperTemplateModel {

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (TemplateReads.SITE_COLLECTIONS.contains(key)) {
                reads.add(TemplateReads.site(site.language(), key));
            }
            return delegate.get(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return delegate.isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return delegate.size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return delegate.keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            // Listing every value reads every collection.
            TemplateReads.SITE_COLLECTIONS.forEach(k -> reads.add(TemplateReads.site(site.language(), k)));
            return delegate.values();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return site;
        }

        @Override
        public Object getWrappedObject() {
            return site;
        }
    }
}
