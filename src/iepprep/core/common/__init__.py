"""Building blocks that know nothing of IEPs: dates, the text-search engine, text safety."""
