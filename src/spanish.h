/* spanish.h: Spanish word formation that a dictionary leaves out.
 *
 * A Hunspell dictionary lists words and a few affixes; Spanish builds many
 * more words by rule: a verb with pronouns joined to it ("compártala",
 * "vámonos"), adverbs in -mente on the feminine of an adjective
 * ("patrióticamente"), superlatives ("elevadísimo"), diminutives
 * ("tamalitos") and the feminine of nouns of persons ("prefecta").  These functions recognise such words from their base,
 * which the caller's dictionary judges, and place the written accent by the
 * rules of the Ortografía (2010): words are UTF-8, lower case. */
#ifndef PREGON_SPANISH_H
#define PREGON_SPANISH_H

enum { SP_AR = 1, SP_ER = 2, SP_IR = 4 };

typedef struct {
	/* 1 when the dictionary accepts the word */
	int (*known)(void *ctx, const char *word);
	/* When the word is a form of a verb, the conjugations of its
	 * infinitives (SP_AR | SP_ER | SP_IR); else 0. */
	int (*verb)(void *ctx, const char *word);
	void *ctx;
} sp_lexicon;

/* 1 when `word` is an adverb in -mente, a superlative in -ísimo, a
 * diminutive in -ito or a feminine in -a of a word the lexicon knows. */
int sp_derived(const char *word, const sp_lexicon *lex);

enum { SP_NONE, SP_ENCLITIC_OK, SP_ENCLITIC_ACCENT };

/* A verb form followed by enclitic pronouns ("descárgala", "dímelo",
 * "coordinémonos").  SP_ENCLITIC_OK when `word` is such a form, correctly
 * accented; SP_ENCLITIC_ACCENT when only its accents are wrong, with the
 * right form in *fix (caller frees); SP_NONE otherwise. */
int sp_enclitic(const char *word, const sp_lexicon *lex, char **fix);

/* A word the dictionary accepts as the voseo of the River Plate: the
 * imperative of vos, bare or with a pronoun ("llevá", "acercate",
 * "registrate").  Mexico says tú: 1 with the tuteo form in *fix ("lleva",
 * "acércate"; caller frees), else 0.  The caller rules out words that the dictionary
 * has as nouns or adjectives ("tomate"). */
int sp_voseo(const char *word, const sp_lexicon *lex, char **fix);
/* The cheap test first: 1 when the word ends as a vos imperative may
 * (in -á, -é or a pronoun), so that sp_voseo is worth asking. */
int sp_voseo_shape(const char *word);

/* An abbreviation whose period ends no sentence: a title or an address
 * before a name ("Mtro. Zoé Robledo", "Av. Juárez", "EE. UU."), "núm.",
 * "tel.".  `w` is the n bytes before the period, as written. */
int sp_abbreviation(const char *w, size_t n);

/* Stressed syllable of a word, counted from the end (0: the last), by the
 * written accent or the default rules; -1 for a word without vowels. */
int sp_stress_from_end(const char *word);

#endif
