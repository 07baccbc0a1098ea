select ref from areas where ref = any ($1::text[]);
