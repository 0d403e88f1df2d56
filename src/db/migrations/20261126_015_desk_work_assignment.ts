import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Work goes to a person (issue 15): a dossier handed over names the unit it went to and, when
 * known, the specialist whose work it is; the stage inside processing (submitted for signature,
 * approved) is kept beside the status for the queues, like the status itself (the history is the
 * truth, recordDossierEvent keeps these in step). Both are changes of `dossiers`, so the
 * data-version triggers of migration 012 see them.
 *
 * motcua_fold(text) folds Vietnamese the way domain/procedures/search-text.ts foldVietnamese
 * does (tone marks and accents off, đ → d, lower case, one space), on PGlite and a server alike,
 * with no extension: the desk finds "Nguyễn Thị Hoa" typed "nguyen thi hoa". The letters are
 * every Latin letter of U+00C0–U+024F and U+1E00–U+1EFF that folds to one ASCII letter.
 */
const FOLD_FROM = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ'
const FOLD_TO = 'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    alter table dossiers
      add column assignee_user_id integer references users(id),
      add column assigned_unit_id integer references units(id),
      add column work_stage text check (work_stage in ('awaiting_signature', 'approved'));
    create index dossiers_assignee on dossiers (assignee_user_id, status) where assignee_user_id is not null;

    create function motcua_fold(value text) returns text language sql immutable parallel safe as $$
      select btrim(regexp_replace(lower(regexp_replace(translate(normalize(value, NFC), '${FOLD_FROM}', '${FOLD_TO}'), '[\\u0300-\\u036f]', '', 'g')), '\\s+', ' ', 'g'))
    $$;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop function if exists motcua_fold(text);
    drop index if exists dossiers_assignee;
    alter table dossiers drop column if exists assignee_user_id, drop column if exists assigned_unit_id, drop column if exists work_stage;
  `)
}
