-- Every label has a colour: the API has always promised one and created labels with a default,
-- but the column allowed null. The default below is inbox's DEFAULT_LABEL_COLOR.
update labels set color = '#64748b' where color is null;
alter table labels alter column color set not null;
