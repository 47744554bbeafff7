"""Sales-project management P0–P7 (source 001): four elements, statistics table, attention
rules, sales states, CR levels, 1+2+1 and the analysis templates."""
