-- $1 text[] area refs: the areas' pitch (profile and facts are public marketing text)
select ref, name, profile, facts, illustrative from areas where ref = any ($1::text[]) order by ref;
