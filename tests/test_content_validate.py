"""`make validate`: the content checks name the file and line that is wrong, and how to fix it."""

import shutil

import pytest

from content.validate import validate
from paths import PROJECT_ROOT


@pytest.fixture
def project(tmp_path):
    """A copy of the content files an editor touches."""
    shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data")
    shutil.copy(PROJECT_ROOT / "domain.yml", tmp_path / "domain.yml")
    return tmp_path


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_project_as_committed_passes():
    assert [str(p) for p in validate()] == []


def test_example_listed_under_two_intents(project):
    nlu = project / "data" / "nlu" / "article.yml"
    edit(
        nlu,
        "- intent: ask_summary\n  examples: |\n",
        "- intent: ask_summary\n  examples: |\n    - why oh why does my knee hurt\n",
    )
    edit(
        nlu,
        "- intent: ask_causes\n  examples: |\n",
        "- intent: ask_causes\n  examples: |\n    - Why, oh why, does my knee hurt?\n",
    )
    (problem,) = validate(project)
    assert problem.file == "data/nlu/article.yml"
    assert "listed under" in problem.message and "Keep it under one intent only" in problem.message
    assert problem.line in (
        line_of(nlu, "- why oh why does my knee hurt"),
        line_of(nlu, "- Why, oh why, does my knee hurt?"),
    )


def test_unknown_intent_and_action_in_a_story(project):
    stories = project / "data" / "stories" / "conversations.yml"
    edit(stories, "      - intent: greet\n", "      - intent: say_hello\n")
    edit(stories, "      - action: utter_anything_else\n", "      - action: utter_hello\n")
    problems = validate(project)
    assert sorted((p.file, p.line) for p in problems) == [
        ("data/stories/conversations.yml", line_of(stories, "intent: say_hello")),
        ("data/stories/conversations.yml", line_of(stories, "action: utter_hello")),
    ]
    problems.sort(key=lambda p: p.line)
    assert "unknown intent 'say_hello'" in problems[0].message
    assert "unknown action 'utter_hello'" in problems[1].message


def test_entity_value_without_a_passage(project):
    nlu = project / "data" / "nlu" / "article.yml"
    edit(
        nlu,
        "- intent: ask_alternative_therapies\n  examples: |\n",
        "- intent: ask_alternative_therapies\n  examples: |\n"
        '    - is [reiki]{"entity": "treatment", "value": "reiki"} any good\n',
    )
    (problem,) = validate(project)
    assert (problem.file, problem.line) == ("data/nlu/article.yml", line_of(nlu, "reiki"))
    assert "treatment value 'reiki' is not mapped to a passage" in problem.message
    assert "entity_passages.yml" in problem.message


def test_mapping_to_a_passage_the_article_lacks(project):
    mapping = project / "data" / "article" / "entity_passages.yml"
    edit(mapping, "acupuncture: treatment.acupuncture", "acupuncture: treatment.acupunture")
    (problem,) = validate(project)
    assert (problem.file, problem.line) == ("data/article/entity_passages.yml", line_of(mapping, "acupuncture:"))
    assert "does not have" in problem.message


def test_article_that_does_not_parse(project):
    article = next((project / "data" / "article").glob("*.md"))
    edit(article, "## Recovery", "## Getting better")
    (problem,) = validate(project)
    assert problem.line == line_of(article, "## Getting better")
    assert "unknown section heading '## Getting better'" in problem.message


def test_topic_table_names_an_unknown_section_and_an_unknown_button(project):
    topics = project / "data" / "topics.yml"
    edit(topics, "    section: causes\n", "    section: causez\n")
    edit(topics, "widget_starters: [ask_overview,", "widget_starters: [ask_overveiw,")
    problems = validate(project)
    assert [p.file for p in problems] == ["data/topics.yml", "data/topics.yml"]
    assert "unknown section 'causez'" in problems[0].message
    assert problems[0].line == line_of(topics, "ask_causes:")
    assert "widget starter: 'ask_overveiw' is not a topic" in problems[1].message
    assert problems[1].line == line_of(topics, "ask_overveiw")


def test_word_tables(project):
    """A word table line without its meaning, a word on two lines, a spelling read as two words:
    each named with its file and line."""
    tables = project / "data" / "article"
    edit(tables / "vocabulary.yml", "jab | jabs |", "jab | jabs | physio |")
    edit(tables / "translations.yml", "tuhod: knee\n", "tuhod: knee\ntuhod sakit\n")
    edit(tables / "spellings.yml", "groyne: groin\n", "groyne: groin area\n")
    edit(tables / "cognates.yml", "artr-: arthr-\n", "artr-: arthr-\n-ció: tion\n")
    problems = {(p.file, p.line): p.message for p in validate(project)}
    assert (
        "Keep each word on one line"
        in problems[("data/article/vocabulary.yml", line_of(tables / "vocabulary.yml", "jab | jabs | physio |"))]
    )
    assert (
        "not a table line"
        in problems[("data/article/translations.yml", line_of(tables / "translations.yml", "tuhod sakit"))]
    )
    assert (
        "not one word"
        in problems[("data/article/spellings.yml", line_of(tables / "spellings.yml", "groyne: groin area"))]
    )
    assert (
        "a cognate line rewrites endings"
        in problems[("data/article/cognates.yml", line_of(tables / "cognates.yml", "-ció: tion"))]
    )
    assert len(problems) == 4


def test_gloss_table(project):
    """A phrase glossed twice in one language (YAML would keep the last, silently) and a phrase
    with capitals: each named with its file and line."""
    gloss = project / "data" / "article" / "gloss.yml"
    edit(gloss, '      "vessie": "bladder"\n', '      "vessie": "bladder"\n      "Vessie": "bladder"\n')
    edit(gloss, '      "fesses": "buttocks"\n', '      "fesses": "buttocks"\n      "vessie": "bowel"\n')
    problems = {(p.file, p.line): p.message for p in validate(project)}
    name = "data/article/gloss.yml"
    assert "lower case" in problems[(name, line_of(gloss, '"Vessie"'))]
    assert "also on line" in problems[(name, line_of(gloss, '"vessie": "bowel"'))]
    assert len(problems) == 2
